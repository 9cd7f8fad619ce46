package dev.billpay.clearing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What other features read and ask of clearing files: the files a bank statement may settle,
 * settling one, and a day's files for the reconciliation report. Only this package writes them.
 */
public final class ClearingFiles {
  private static final String NOT_SETTLED_BETWEEN = "SELECT id, total_debit, total_credit, effective_date FROM clearing_files"
      + " WHERE status NOT IN (" + ClearingFileStatus.SETTLED.sql() + ", " + ClearingFileStatus.CANCELLED.sql() + ")"
      + " AND effective_date BETWEEN $1 AND $2";
  private static final String OF_FILE_DATE = "SELECT " + ClearingRepository.FILE_COLUMNS
      + " FROM clearing_files WHERE file_date = $1 AND status <> " + ClearingFileStatus.CANCELLED.sql()
      + " ORDER BY id";

  private ClearingFiles() {}

  /**
   * A file the bank has not yet been seen to settle: what its settlement will be (a credit for its debits, a debit
   * for its credits), and when.
   */
  public record Unsettled(String id, long totalDebit, long totalCredit, LocalDate effectiveDate) {}

  /**
   * The files not yet settled whose effective date is in the range, in the caller's transaction; a
   * cancelled file never reached the bank, so no statement can settle it.
   */
  public static Future<List<Unsettled>> notSettledBetween(SqlConnection conn, LocalDate from, LocalDate to) {
    return conn.preparedQuery(NOT_SETTLED_BETWEEN).execute(Tuple.of(from, to)).map(rows -> {
      List<Unsettled> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Unsettled(r.getString("id"), r.getLong("total_debit"), r.getLong("total_credit"),
            r.getLocalDate("effective_date")));
      }
      return out;
    });
  }

  /**
   * Marks the file settled, whatever its state: the bank's settlement credit shows it had the file.
   * Its payments are settled by the caller, through payments, in the same transaction.
   */
  public static Future<Void> settle(SqlConnection conn, String fileId, Instant at) {
    return ClearingRepository.settle(conn, fileId, at);
  }

  /**
   * The files written on the date (their file creation date), in id order, but the cancelled ones: the
   * bank never had those, and their payments are counted in the files that took them afterwards.
   */
  public static Future<List<ClearingFile>> ofFileDate(SqlClient client, LocalDate fileDate) {
    return client.preparedQuery(OF_FILE_DATE).execute(Tuple.of(fileDate)).map(rows -> {
      List<ClearingFile> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(ClearingFile.fromRow(r)));
      return out;
    });
  }
}
