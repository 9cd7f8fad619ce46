package dev.billpay.reconciliation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * The daily reconciliation report: the clearing files of the day and what became of their entries
 * (settled, returned, still outstanding), and the bank lines of the day, matched or not. The file
 * totals are the sums of their entries, so settled + returned + outstanding = total debit, per file.
 */
public final class ReconciliationReport {
  private static final String FILES = """
      SELECT cf.id, cf.status, cf.entry_count, cf.total_debit, cf.effective_date,
        count(p.id) FILTER (WHERE p.status = 'settled') AS settled_count,
        COALESCE(sum(p.amount) FILTER (WHERE p.status = 'settled'), 0) AS settled_amount,
        count(p.id) FILTER (WHERE p.status = 'returned') AS returned_count,
        COALESCE(sum(p.amount) FILTER (WHERE p.status = 'returned'), 0) AS returned_amount,
        count(p.id) FILTER (WHERE p.status NOT IN ('settled', 'returned')) AS outstanding_count,
        COALESCE(sum(p.amount) FILTER (WHERE p.status NOT IN ('settled', 'returned')), 0) AS outstanding_amount
      FROM clearing_files cf LEFT JOIN payments p ON p.clearing_file_id = cf.id
      WHERE cf.file_date = $1 GROUP BY cf.id ORDER BY cf.id""";
  private static final String MATCHES = "SELECT kind, count(*) AS n, COALESCE(sum(amount), 0) AS amount"
      + " FROM reconciliation_matches WHERE value_date = $1 GROUP BY kind ORDER BY kind";
  private static final String EXCEPTIONS = "SELECT status, count(*) AS n, COALESCE(sum(amount), 0) AS amount"
      + " FROM reconciliation_exceptions WHERE value_date = $1 GROUP BY status ORDER BY status";

  private final Pool pool;

  public ReconciliationReport(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> forDate(LocalDate date) {
    return pool.preparedQuery(FILES).execute(Tuple.of(date)).compose(files -> pool.preparedQuery(MATCHES)
        .execute(Tuple.of(date)).compose(matches -> pool.preparedQuery(EXCEPTIONS).execute(Tuple.of(date))
            .map(exceptions -> report(date, files, matches, exceptions))));
  }

  private static JsonObject report(LocalDate date, Iterable<Row> files, Iterable<Row> matches,
      Iterable<Row> exceptions) {
    JsonArray fileList = new JsonArray();
    long[] totals = new long[8];
    for (Row r : files) {
      fileList.add(new JsonObject().put("id", r.getString("id")).put("status", r.getString("status"))
          .put("effective_date", r.getLocalDate("effective_date").toString())
          .put("entry_count", r.getInteger("entry_count")).put("total_debit", r.getLong("total_debit"))
          .put("settled", amount(r.getLong("settled_count"), r.getLong("settled_amount")))
          .put("returned", amount(r.getLong("returned_count"), r.getLong("returned_amount")))
          .put("outstanding", amount(r.getLong("outstanding_count"), r.getLong("outstanding_amount"))));
      totals[0] += r.getInteger("entry_count");
      totals[1] += r.getLong("total_debit");
      totals[2] += r.getLong("settled_count");
      totals[3] += r.getLong("settled_amount");
      totals[4] += r.getLong("returned_count");
      totals[5] += r.getLong("returned_amount");
      totals[6] += r.getLong("outstanding_count");
      totals[7] += r.getLong("outstanding_amount");
    }
    JsonObject matched = new JsonObject();
    long matchedCount = 0;
    long matchedAmount = 0;
    for (Row r : matches) {
      matched.put(r.getString("kind"), amount(r.getLong("n"), r.getLong("amount")));
      matchedCount += r.getLong("n");
      matchedAmount += r.getLong("amount");
    }
    JsonObject unmatched = new JsonObject().put("open", amount(0, 0)).put("resolved", amount(0, 0));
    for (Row r : exceptions) {
      unmatched.put(r.getString("status"), amount(r.getLong("n"), r.getLong("amount")));
    }
    return new JsonObject().put("object", "reconciliation_report").put("date", date.toString()).put("currency", "USD")
        .put("clearing_files", new JsonObject().put("count", fileList.size()).put("entry_count", totals[0])
            .put("total_debit", totals[1]).put("settled", amount(totals[2], totals[3]))
            .put("returned", amount(totals[4], totals[5])).put("outstanding", amount(totals[6], totals[7]))
            .put("files", fileList))
        .put("bank_lines", new JsonObject().put("matched", amount(matchedCount, matchedAmount).put("by_kind", matched))
            .put("exceptions", unmatched));
  }

  private static JsonObject amount(long count, long amount) {
    return new JsonObject().put("count", count).put("amount", amount);
  }
}
