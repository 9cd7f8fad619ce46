package dev.billpay.reconciliation;

import dev.billpay.clearing.ClearingFile;
import dev.billpay.clearing.ClearingFiles;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentQueries.FileOutcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The daily reconciliation report: the clearing files of the day and what became of their entries
 * (settled, returned, still outstanding), and the bank lines of the day, matched or not. The file
 * totals are the sums of their entries, so settled + returned + outstanding = total debit, per file.
 * The files come from clearing, what became of their payments from payments.
 */
public final class ReconciliationReport {
  private static final String MATCHES = "SELECT kind, count(*) AS n, COALESCE(sum(amount), 0) AS amount"
      + " FROM reconciliation_matches WHERE value_date = $1 GROUP BY kind ORDER BY kind";
  private static final String EXCEPTIONS = "SELECT status, count(*) AS n, COALESCE(sum(amount), 0) AS amount"
      + " FROM reconciliation_exceptions WHERE value_date = $1 GROUP BY status ORDER BY status";

  /**
   * Every money-moving bank transaction of the day, matched or not, by the kind of bank file that carried it
   * (BAI2, camt, notification) and currency: these are the statements' own totals, so they can be checked against
   * them.
   */
  private static final String BY_SOURCE = """
      SELECT f.kind, l.currency, l.flow, count(*) AS n, COALESCE(sum(l.amount), 0) AS amount FROM (
        SELECT bank_file_id, currency, flow, amount FROM reconciliation_matches
          WHERE value_date = $1 AND flow IN ('credit', 'debit')
        UNION ALL
        SELECT bank_file_id, currency, flow, amount FROM reconciliation_exceptions
          WHERE value_date = $1 AND flow IN ('credit', 'debit')
      ) l JOIN bank_files f ON f.id = l.bank_file_id
      GROUP BY f.kind, l.currency, l.flow ORDER BY f.kind, l.currency, l.flow""";

  private final Pool pool;

  public ReconciliationReport(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> forDate(LocalDate date) {
    return ClearingFiles.ofFileDate(pool, date).compose(files -> PaymentQueries.outcomesByFile(pool,
            files.stream().map(ClearingFile::id).toList())
        .compose(outcomes -> pool.preparedQuery(MATCHES).execute(Tuple.of(date))
            .compose(matches -> pool.preparedQuery(EXCEPTIONS).execute(Tuple.of(date))
                .compose(exceptions -> pool.preparedQuery(BY_SOURCE).execute(Tuple.of(date))
                    .map(sources -> report(date, files, outcomes, matches, exceptions)
                        .put("bank_transactions", bySource(sources)))))));
  }

  private static JsonObject report(LocalDate date, List<ClearingFile> files, Map<String, FileOutcome> outcomes,
      Iterable<Row> matches, Iterable<Row> exceptions) {
    JsonArray fileList = new JsonArray();
    long[] totals = new long[8];
    for (ClearingFile f : files) {
      FileOutcome o = outcomes.getOrDefault(f.id(), FileOutcome.NONE);
      fileList.add(new JsonObject().put("id", f.id()).put("status", f.status().wire())
          .put("effective_date", f.effectiveDate().toString())
          .put("entry_count", f.entryCount()).put("total_debit", f.totalDebit())
          .put("settled", amount(o.settledCount(), o.settledAmount()))
          .put("returned", amount(o.returnedCount(), o.returnedAmount()))
          .put("outstanding", amount(o.outstandingCount(), o.outstandingAmount())));
      totals[0] += f.entryCount();
      totals[1] += f.totalDebit();
      totals[2] += o.settledCount();
      totals[3] += o.settledAmount();
      totals[4] += o.returnedCount();
      totals[5] += o.returnedAmount();
      totals[6] += o.outstandingCount();
      totals[7] += o.outstandingAmount();
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

  /** {"sources": [{"source", "currency", "credits", "debits"}], "totals": [{"currency", "credits", "debits"}]}. */
  private static JsonObject bySource(Iterable<Row> rows) {
    java.util.Map<String, JsonObject> sources = new java.util.LinkedHashMap<>();
    java.util.Map<String, JsonObject> totals = new java.util.TreeMap<>();
    for (Row r : rows) {
      String currency = r.getString("currency").trim();
      String side = "credit".equals(r.getString("flow")) ? "credits" : "debits";
      long n = r.getLong("n");
      long sum = r.getLong("amount");
      sources.computeIfAbsent(r.getString("kind") + " " + currency, k -> side(new JsonObject()
          .put("source", r.getString("kind")).put("currency", currency))).put(side, amount(n, sum));
      JsonObject total = totals.computeIfAbsent(currency, c -> side(new JsonObject().put("currency", c)));
      JsonObject t = total.getJsonObject(side);
      total.put(side, amount(t.getLong("count") + n, t.getLong("amount") + sum));
    }
    return new JsonObject().put("sources", new JsonArray(new java.util.ArrayList<>(sources.values())))
        .put("totals", new JsonArray(new java.util.ArrayList<>(totals.values())));
  }

  private static JsonObject side(JsonObject o) {
    return o.put("credits", amount(0, 0)).put("debits", amount(0, 0));
  }

  private static JsonObject amount(long count, long amount) {
    return new JsonObject().put("count", count).put("amount", amount);
  }
}
