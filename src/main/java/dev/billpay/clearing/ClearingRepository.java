package dev.billpay.clearing;

import static dev.billpay.clearing.ClearingFileStatus.CANCELLED;
import static dev.billpay.clearing.ClearingFileStatus.CREATED;
import static dev.billpay.clearing.ClearingFileStatus.SETTLED;
import static dev.billpay.clearing.ClearingFileStatus.TRANSMISSION_UNKNOWN;
import static dev.billpay.clearing.ClearingFileStatus.TRANSMITTED;
import static dev.billpay.clearing.ClearingFileStatus.TRANSMITTING;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Clearing runs and files in PostgreSQL: the only writer of both tables. */
public final class ClearingRepository {
  /** One cut-off is run once, whatever the number of instances: the row is the claim. */
  private static final String CLAIM_RUN = "INSERT INTO clearing_runs (cutoff_at, started_at) VALUES ($1, $2)"
      + " ON CONFLICT (cutoff_at) DO NOTHING RETURNING cutoff_at";
  private static final String RUN_EXISTS = "SELECT 1 FROM clearing_runs WHERE cutoff_at = $1";
  private static final String RUN_DONE = "UPDATE clearing_runs SET file_count = $2, entry_count = $3 WHERE cutoff_at = $1";
  private static final String USED_MODIFIERS = "SELECT file_id_modifier FROM clearing_files"
      + " WHERE file_date = $1 AND destination = $2";
  /**
   * Reserves a block of $1 consecutive trace sequence numbers and answers its first; a block that
   * would pass 9,999,999 starts again at 1 (only the clearing leader reserves, under its lock).
   */
  private static final String RESERVE_TRACES = """
      SELECT CASE WHEN s.first + $1 - 1 <= 9999999 THEN setval('trace_sequence', s.first + $1 - 1) - $1 + 1
                  ELSE setval('trace_sequence', $1) - $1 + 1 END
      FROM (SELECT nextval('trace_sequence') AS first) s""";
  private static final String INSERT_FILE = "INSERT INTO clearing_files (id, cutoff_at, file_date, destination,"
      + " file_id_modifier, effective_date, content, sha256, line_count, batch_count, entry_count, total_debit,"
      + " total_credit, status, created_at)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, " + CREATED.sql() + ", $14)";
  /**
   * The claim a hand-over starts with, committed before the first byte leaves: from {@code created}
   * (the cut-off's hand-over) or {@code transmission_unknown} (an operator's retransmission). A file
   * cancelled first is not claimed, and a claimed file can no longer be cancelled.
   */
  private static final String CLAIM_HANDOVER = "UPDATE clearing_files SET status = " + TRANSMITTING.sql()
      + ", handover_started_at = $2 WHERE id = $1 AND status = $3 RETURNING id";
  private static final String MARK_TRANSMITTED = "UPDATE clearing_files SET status = " + TRANSMITTED.sql()
      + ", transmitted_at = $2 WHERE id = $1 AND status = " + TRANSMITTING.sql() + " RETURNING id";
  /** A hand-over that did not complete, or one a crash left behind (claimed or not even claimed). */
  private static final String MARK_TRANSMISSION_UNKNOWN = "UPDATE clearing_files"
      + " SET status = " + TRANSMISSION_UNKNOWN.sql() + " WHERE id = $1 AND status IN (" + CREATED.sql() + ", "
      + TRANSMITTING.sql() + ") RETURNING id";
  /** Cancelling is a compare-and-set on {@code created}: it and a hand-over's claim cannot both win. */
  private static final String CANCEL = "UPDATE clearing_files SET status = " + CANCELLED.sql()
      + ", cancelled_at = $2 WHERE id = $1 AND status = " + CREATED.sql() + " RETURNING id";
  private static final String STATUS = "SELECT status FROM clearing_files WHERE id = $1";
  private static final String INSERT_OPERATION = "INSERT INTO clearing_file_operations (id, file_id, kind,"
      + " requested_by, reason, request_id, outcome, created_at, completed_at)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  /** The end of the file's retransmission under way, if one is (at most one: it holds the claim). */
  private static final String COMPLETE_OPERATION = "UPDATE clearing_file_operations SET outcome = $2, detail = $3,"
      + " completed_at = $4 WHERE file_id = $1 AND outcome = 'pending'";
  static final String OPERATION_COLUMNS = "id, file_id, kind, requested_by, reason, request_id, outcome, detail,"
      + " created_at, completed_at";
  private static final String OPERATIONS = "SELECT " + OPERATION_COLUMNS
      + " FROM clearing_file_operations WHERE file_id = $1 ORDER BY created_at, id";
  /** Files the bank has had since the effective date: their payments settle when the window has passed. */
  private static final String TRANSMITTED_THROUGH = "SELECT id FROM clearing_files WHERE status = "
      + TRANSMITTED.sql() + " AND effective_date <= $1 ORDER BY id";
  private static final String SETTLE_TRANSMITTED = "UPDATE clearing_files SET status = " + SETTLED.sql()
      + ", settled_at = $2 WHERE id = ANY($1) AND status = " + TRANSMITTED.sql();
  /** A file settled by the bank's settlement credit, whatever its state. */
  private static final String SETTLE = "UPDATE clearing_files SET status = " + SETTLED.sql()
      + ", settled_at = $2 WHERE id = $1";
  /**
   * Files whose hand-over was cut short: still not handed over long after they were written, or a
   * hand-over (first or again) started long ago and never ended.
   */
  private static final String ABANDONED = "SELECT id FROM clearing_files WHERE (status = " + CREATED.sql()
      + " AND created_at < $1) OR (status = " + TRANSMITTING.sql() + " AND handover_started_at < $1) ORDER BY id";
  /** The columns of a {@link ClearingFile} (all but the content). */
  static final String FILE_COLUMNS = "id, cutoff_at, file_date, destination, file_id_modifier, effective_date,"
      + " sha256, line_count, batch_count, entry_count, total_debit, total_credit, status, transmitted_at, settled_at,"
      + " created_at";
  private static final String LIST = "SELECT " + FILE_COLUMNS
      + " FROM clearing_files WHERE ($1::text IS NULL OR id < $1) ORDER BY id DESC LIMIT $2";
  private static final String CONTENT = "SELECT content FROM clearing_files WHERE id = $1";
  private static final String FIND = LIST.replace("WHERE ($1::text IS NULL OR id < $1) ORDER BY id DESC LIMIT $2",
      "WHERE id = $1");

  private final Pool pool;

  public ClearingRepository(Pool pool) {
    this.pool = pool;
  }

  public static Future<Boolean> claimRun(SqlConnection conn, Instant cutoff, Instant now) {
    return conn.preparedQuery(CLAIM_RUN).execute(Tuple.of(utc(cutoff), utc(now))).map(rows -> rows.size() > 0);
  }

  public Future<Boolean> runExists(Instant cutoff) {
    return pool.preparedQuery(RUN_EXISTS).execute(Tuple.of(utc(cutoff))).map(rows -> rows.size() > 0);
  }

  public static Future<Void> runDone(SqlConnection conn, Instant cutoff, int files, int entries) {
    return conn.preparedQuery(RUN_DONE).execute(Tuple.of(utc(cutoff), files, entries)).mapEmpty();
  }

  public static Future<Set<Character>> usedModifiers(SqlConnection conn, LocalDate fileDate, String destination) {
    return conn.preparedQuery(USED_MODIFIERS).execute(Tuple.of(fileDate, destination)).map(rows -> {
      Set<Character> used = new HashSet<>();
      rows.forEach(r -> used.add(r.getString(0).charAt(0)));
      return used;
    });
  }

  /** The first of {@code n} consecutive trace sequence numbers reserved for this run. */
  public static Future<Long> reserveTraces(SqlConnection conn, int n) {
    return conn.preparedQuery(RESERVE_TRACES).execute(Tuple.of(n)).map(rows -> rows.iterator().next().getLong(0));
  }

  public static Future<Void> insertFile(SqlConnection conn, ClearingFile f, String content) {
    return conn.preparedQuery(INSERT_FILE).execute(Tuple.tuple().addString(f.id()).addOffsetDateTime(utc(f.cutoffAt()))
        .addLocalDate(f.fileDate()).addString(f.destination()).addString(String.valueOf(f.fileIdModifier()))
        .addLocalDate(f.effectiveDate()).addString(content).addString(f.sha256()).addInteger(f.lineCount())
        .addInteger(f.batchCount()).addInteger(f.entryCount()).addLong(f.totalDebit()).addLong(f.totalCredit())
        .addOffsetDateTime(utc(f.createdAt()))).mapEmpty();
  }

  /** Claims the file for a hand-over from {@code from}; false when it was not in that state. */
  public static Future<Boolean> claimHandOver(SqlConnection conn, String fileId, ClearingFileStatus from,
      Instant at) {
    return conn.preparedQuery(CLAIM_HANDOVER).execute(Tuple.of(fileId, utc(at), from.wire()))
        .map(rows -> rows.size() > 0);
  }

  /** Marks the claimed file handed over, and the retransmission under way (if any) transmitted. */
  public Future<Void> markTransmitted(String fileId, Instant at) {
    return pool.withTransaction(conn -> conn.preparedQuery(MARK_TRANSMITTED).execute(Tuple.of(fileId, utc(at)))
        .compose(marked -> marked.size() == 0 ? Future.succeededFuture()
            : completeOperation(conn, fileId, "transmitted", null, at)));
  }

  /**
   * Marks a file whose hand-over did not complete, and ends its retransmission (if one was under way)
   * as failed; false when the file was neither {@code created} nor {@code transmitting} any more.
   */
  public static Future<Boolean> markTransmissionUnknown(SqlConnection conn, String fileId, Instant at) {
    return conn.preparedQuery(MARK_TRANSMISSION_UNKNOWN).execute(Tuple.of(fileId)).compose(marked ->
        marked.size() == 0 ? Future.succeededFuture(false)
            : completeOperation(conn, fileId, "failed", "the hand-over did not complete", at).map(true));
  }

  /** Cancels a file not yet handed over; false when it was not {@code created} (or does not exist). */
  public static Future<Boolean> cancel(SqlConnection conn, String fileId, Instant at) {
    return conn.preparedQuery(CANCEL).execute(Tuple.of(fileId, utc(at))).map(rows -> rows.size() > 0);
  }

  /** The file's state, if it exists. */
  public static Future<Optional<ClearingFileStatus>> status(SqlConnection conn, String fileId) {
    return conn.preparedQuery(STATUS).execute(Tuple.of(fileId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(ClearingFileStatus.fromWire(it.next().getString(0))) : Optional.empty();
    });
  }

  public static Future<Void> insertOperation(SqlConnection conn, FileOperation op) {
    return conn.preparedQuery(INSERT_OPERATION).execute(Tuple.tuple().addString(op.id()).addString(op.fileId())
        .addString(op.kind()).addString(op.requestedBy()).addString(op.reason()).addString(op.requestId())
        .addString(op.outcome()).addOffsetDateTime(utc(op.createdAt()))
        .addOffsetDateTime(op.completedAt() == null ? null : utc(op.completedAt()))).mapEmpty();
  }

  private static Future<Void> completeOperation(SqlConnection conn, String fileId, String outcome, String detail,
      Instant at) {
    return conn.preparedQuery(COMPLETE_OPERATION).execute(Tuple.of(fileId, outcome, detail, utc(at))).mapEmpty();
  }

  /** Every operation asked for on the file, oldest first. */
  public Future<List<JsonObject>> operations(String fileId) {
    return pool.preparedQuery(OPERATIONS).execute(Tuple.of(fileId)).map(rows -> {
      List<JsonObject> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(FileOperation.fromRow(r).toJson()));
      return out;
    });
  }

  /** The transmitted files effective on or before the date, in id order. */
  public static Future<List<String>> transmittedThrough(SqlConnection conn, LocalDate effectiveBy) {
    return conn.preparedQuery(TRANSMITTED_THROUGH).execute(Tuple.of(effectiveBy)).map(ClearingRepository::ids);
  }

  /** Marks these files settled, those still transmitted. */
  public static Future<Void> settleTransmitted(SqlConnection conn, List<String> fileIds, Instant at) {
    return fileIds.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(SETTLE_TRANSMITTED).execute(Tuple.of(fileIds.toArray(String[]::new), utc(at))).mapEmpty();
  }

  public static Future<Void> settle(SqlConnection conn, String fileId, Instant at) {
    return conn.preparedQuery(SETTLE).execute(Tuple.of(fileId, utc(at))).mapEmpty();
  }

  public Future<List<String>> abandonedBefore(Instant createdBefore) {
    return pool.preparedQuery(ABANDONED).execute(Tuple.of(utc(createdBefore))).map(ClearingRepository::ids);
  }

  private static List<String> ids(RowSet<Row> rows) {
    List<String> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(r.getString(0)));
    return out;
  }

  public Future<List<JsonObject>> list(String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST).execute(Tuple.of(startingAfter, limitPlusOne)).map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      rows.forEach(r -> out.add(ClearingFile.fromRow(r).toJson()));
      return out;
    });
  }

  public Future<Optional<JsonObject>> find(String id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(ClearingFile.fromRow(it.next()).toJson()) : Optional.empty();
    });
  }

  /** The file as the caller's transaction sees it. */
  public static Future<ClearingFile> file(SqlConnection conn, String id) {
    return conn.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> ClearingFile.fromRow(rows.iterator().next()));
  }

  public Future<Optional<String>> content(String id) {
    return pool.preparedQuery(CONTENT).execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next().getString(0)) : Optional.empty();
    });
  }

  static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

}
