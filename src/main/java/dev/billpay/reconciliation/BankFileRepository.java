package dev.billpay.reconciliation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Received bank files, the matches made from them and the exceptions left for a person, in PostgreSQL. */
public final class BankFileRepository {
  /** The content hash is unique: importing the same file twice inserts nothing and changes nothing. */
  private static final String INSERT_FILE = "INSERT INTO bank_files (id, kind, sha256, file_name, line_count, summary,"
      + " received_at, content) VALUES ($1, $2, $3, $4, $5, '{}', $6, $7) ON CONFLICT (sha256) DO NOTHING RETURNING id";
  private static final String FILE_SUMMARY = "UPDATE bank_files SET summary = $2 WHERE id = $1";
  /** Everything but the content, which can be tens of megabytes. */
  private static final String FILE_COLUMNS = "id, kind, sha256, file_name, line_count, summary, received_at";
  private static final String FILE_BY_HASH = "SELECT " + FILE_COLUMNS + " FROM bank_files WHERE sha256 = $1";
  private static final String FILE_BY_ID = "SELECT " + FILE_COLUMNS + " FROM bank_files WHERE id = $1";
  private static final String INSERT_EXCEPTION = """
      INSERT INTO reconciliation_exceptions (id, bank_file_id, line, reason, detail, amount, currency, value_date,
        payment_id, status, created_at, last_line, locator, flow)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $12, $13)""";
  private static final String INSERT_MATCH = """
      INSERT INTO reconciliation_matches (bank_file_id, line, kind, value_date, amount, clearing_file_id, payment_id,
        locator, flow, currency, rule) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
  /** Returned payments whose settlement debit a statement already showed. */
  private static final String RETURN_SETTLEMENTS_MATCHED = "SELECT payment_id FROM reconciliation_matches"
      + " WHERE kind = 'return_settlement' AND payment_id = ANY($1)";
  private static final String EXCEPTION_COLUMNS = "id, bank_file_id, line, last_line, locator, flow, reason, detail,"
      + " amount, currency, value_date, payment_id, status, resolution, resolution_note, resolved_by, resolved_at, created_at";
  private static final String LIST_EXCEPTIONS = "SELECT " + EXCEPTION_COLUMNS + " FROM reconciliation_exceptions"
      + " WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3";
  /** Conditional: an exception is resolved once; who, when, how and why are kept with it. */
  private static final String RESOLVE = "UPDATE reconciliation_exceptions SET status = 'resolved', resolution = $2,"
      + " resolution_note = $3, resolved_by = $4, resolved_at = $5 WHERE id = $1 AND status = 'open' RETURNING "
      + EXCEPTION_COLUMNS;
  private static final String FIND_EXCEPTION = "SELECT " + EXCEPTION_COLUMNS
      + " FROM reconciliation_exceptions WHERE id = $1";

  /** A line or entry that needs a person; {@code lastLine} is set when it covers several (a batch set aside). */
  public record NewException(int line, Integer lastLine, String locator, String flow, String reason, String detail,
      Long amount, String currency, LocalDate valueDate, String paymentId) {
    public NewException(int line, Integer lastLine, String reason, String detail, Long amount, String currency,
        LocalDate valueDate, String paymentId) {
      this(line, lastLine, "line " + line, null, reason, detail, amount, currency, valueDate, paymentId);
    }

    public NewException(int line, String reason, String detail, Long amount, String currency, LocalDate valueDate,
        String paymentId) {
      this(line, null, reason, detail, amount, currency, valueDate, paymentId);
    }

    /** A bank transaction a person must look at. */
    static NewException of(BankTransaction t, String reason, String detail, String paymentId) {
      return new NewException(t.line(), null, t.locator(), flowOf(t), reason, detail, t.amountMinor(), t.currency(),
          t.valueDate(), paymentId);
    }
  }

  /**
   * What a line or entry was matched to; {@code flow} and {@code currency} are set for bank transactions (a return
   * file's entries are not money on our account), {@code rule} says which matching rule decided.
   */
  public record NewMatch(int line, String locator, String kind, LocalDate valueDate, long amount, String clearingFileId,
      String paymentId, String flow, String currency, String rule) {
    public NewMatch(int line, String kind, LocalDate valueDate, long amount, String clearingFileId, String paymentId) {
      this(line, "line " + line, kind, valueDate, amount, clearingFileId, paymentId, null, null, null);
    }

    /** A bank transaction matched by {@code rule}. */
    static NewMatch of(BankTransaction t, String kind, String rule, String clearingFileId, String paymentId) {
      return new NewMatch(t.line(), t.locator(), kind, t.valueDate(), t.amountMinor(), clearingFileId, paymentId,
          flowOf(t), t.currency(), rule);
    }
  }

  private static String flowOf(BankTransaction t) {
    return t.flow().name().toLowerCase(java.util.Locale.ROOT);
  }

  private final Pool pool;

  public BankFileRepository(Pool pool) {
    this.pool = pool;
  }

  public static Future<Boolean> insertFile(SqlConnection conn, String id, String kind, String sha256, String name,
      int lines, Instant at, io.vertx.core.buffer.Buffer content) {
    return conn.preparedQuery(INSERT_FILE).execute(Tuple.of(id, kind, sha256, name, lines, utc(at), content))
        .map(rows -> rows.size() > 0);
  }

  public static Future<Void> summary(SqlConnection conn, String id, JsonObject summary) {
    return conn.preparedQuery(FILE_SUMMARY).execute(Tuple.of(id, summary.encode())).mapEmpty();
  }

  public Future<Optional<JsonObject>> byHash(String sha256) {
    return pool.preparedQuery(FILE_BY_HASH).execute(Tuple.of(sha256)).map(BankFileRepository::fileJson);
  }

  public Future<Optional<JsonObject>> byId(String id) {
    return pool.preparedQuery(FILE_BY_ID).execute(Tuple.of(id)).map(BankFileRepository::fileJson);
  }

  public static Future<Void> exceptions(SqlConnection conn, String fileId, List<NewException> list, Instant at) {
    if (list.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    for (NewException e : list) {
      rows.add(Tuple.tuple().addString(dev.billpay.shared.Ids.newId("rex")).addString(fileId).addInteger(e.line())
          .addString(e.reason()).addString(e.detail()).addLong(e.amount()).addString(e.currency())
          .addLocalDate(e.valueDate()).addString(e.paymentId()).addOffsetDateTime(utc(at)).addInteger(e.lastLine())
          .addString(e.locator()).addString(e.flow()));
    }
    return conn.preparedQuery(INSERT_EXCEPTION).executeBatch(rows).mapEmpty();
  }

  public static Future<Void> matches(SqlConnection conn, String fileId, List<NewMatch> list) {
    if (list.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    for (NewMatch m : list) {
      rows.add(Tuple.tuple().addString(fileId).addInteger(m.line()).addString(m.kind()).addLocalDate(m.valueDate())
          .addLong(m.amount()).addString(m.clearingFileId()).addString(m.paymentId()).addString(m.locator())
          .addString(m.flow()).addString(m.currency()).addString(m.rule()));
    }
    return conn.preparedQuery(INSERT_MATCH).executeBatch(rows).mapEmpty();
  }

  /** Which of these returned payments a statement already showed settling against us. */
  static Future<java.util.Set<String>> returnSettlementsMatched(SqlConnection conn, List<String> paymentIds) {
    if (paymentIds.isEmpty()) {
      return Future.succeededFuture(java.util.Set.of());
    }
    return conn.preparedQuery(RETURN_SETTLEMENTS_MATCHED).execute(Tuple.of(paymentIds.toArray(String[]::new)))
        .map(rows -> {
          java.util.Set<String> out = new java.util.HashSet<>();
          rows.forEach(r -> out.add(r.getString("payment_id")));
          return out;
        });
  }

  public Future<List<JsonObject>> listExceptions(String status, String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST_EXCEPTIONS).execute(Tuple.of(status, startingAfter, limitPlusOne)).map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      rows.forEach(r -> out.add(exceptionJson(r)));
      return out;
    });
  }

  public Future<Optional<JsonObject>> resolve(String id, String resolution, String note, String by, Instant at) {
    return pool.preparedQuery(RESOLVE).execute(Tuple.of(id, resolution, note, by, utc(at))).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(exceptionJson(it.next())) : Optional.empty();
    });
  }

  public Future<Optional<JsonObject>> findException(String id) {
    return pool.preparedQuery(FIND_EXCEPTION).execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(exceptionJson(it.next())) : Optional.empty();
    });
  }

  private static Optional<JsonObject> fileJson(io.vertx.sqlclient.RowSet<Row> rows) {
    var it = rows.iterator();
    if (!it.hasNext()) {
      return Optional.empty();
    }
    Row r = it.next();
    return Optional.of(new JsonObject().put("id", r.getString("id")).put("object", "bank_file")
        .put("kind", r.getString("kind")).put("sha256", r.getString("sha256")).put("file_name", r.getString("file_name"))
        .put("line_count", r.getInteger("line_count")).put("summary", new JsonObject(r.getString("summary")))
        .put("received_at", r.getOffsetDateTime("received_at").toInstant().toString()));
  }

  private static JsonObject exceptionJson(Row r) {
    return new JsonObject().put("id", r.getString("id")).put("object", "reconciliation_exception")
        .put("bank_file_id", r.getString("bank_file_id")).put("line", r.getInteger("line"))
        .put("last_line", r.getInteger("last_line")).put("locator", r.getString("locator"))
        .put("flow", r.getString("flow"))
        .put("reason", r.getString("reason")).put("detail", r.getString("detail")).put("amount", r.getLong("amount"))
        .put("currency", r.getString("currency") == null ? null : r.getString("currency").trim())
        .put("value_date", r.getLocalDate("value_date") == null ? null : r.getLocalDate("value_date").toString())
        .put("payment_id", r.getString("payment_id")).put("status", r.getString("status"))
        .put("resolution", r.getString("resolution")).put("resolution_note", r.getString("resolution_note"))
        .put("resolved_by", r.getString("resolved_by"))
        .put("resolved_at", r.getOffsetDateTime("resolved_at") == null ? null
            : r.getOffsetDateTime("resolved_at").toInstant().toString())
        .put("created_at", r.getOffsetDateTime("created_at").toInstant().toString());
  }

  static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
