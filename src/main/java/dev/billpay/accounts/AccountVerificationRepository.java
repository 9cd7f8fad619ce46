package dev.billpay.accounts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Attempts to validate accounts, in PostgreSQL; every statement runs in the caller's transaction. */
final class AccountVerificationRepository {
  private static final String COLUMNS = "id, funding_account_id, client_id, method, status, credit_amounts, attempts,"
      + " trace_numbers, clearing_file_id, settlement_date, decide_on";
  private static final String INSERT = "INSERT INTO account_verifications (id, funding_account_id, client_id, method,"
      + " status, credit_amounts, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
  private static final String OPEN = "SELECT " + COLUMNS + " FROM account_verifications"
      + " WHERE funding_account_id = $1 AND status IN ('awaiting_file', 'sent') FOR UPDATE";
  /** The entries for the next clearing file, oldest first; the clearing leader's lock keeps runs apart. */
  private static final String AWAITING_FILE = "SELECT " + COLUMNS + " FROM account_verifications"
      + " WHERE status = 'awaiting_file' ORDER BY created_at, id LIMIT $1 FOR UPDATE";
  private static final String MARK_SENT = "UPDATE account_verifications SET status = 'sent', trace_numbers = $2,"
      + " clearing_file_id = $3, settlement_date = $4, decide_on = $5, updated_at = $6"
      + " WHERE id = $1 AND status = 'awaiting_file'";
  /** A verified prenote is found too: a return that comes late still says the account is not good. */
  private static final String BY_TRACE = "SELECT " + COLUMNS + " FROM account_verifications"
      + " WHERE trace_numbers @> ARRAY[$1]::text[] AND status IN ('sent', 'verified') FOR UPDATE";
  /** Attempts whose waiting period (prenote) or validity (micro-entries) ended; others' rows are skipped. */
  private static final String DUE_FOR_DECISION = "SELECT " + COLUMNS + " FROM account_verifications"
      + " WHERE status = 'sent' AND decide_on <= $1 ORDER BY decide_on, id LIMIT $2 FOR UPDATE SKIP LOCKED";
  private static final String SET_STATUS = "UPDATE account_verifications SET status = $2, failure = $3,"
      + " attempts = $4, updated_at = $5 WHERE id = $1";
  /** The entries' file was cancelled before it was handed over: they wait for the next one. */
  private static final String BACK_TO_AWAITING = "UPDATE account_verifications SET status = 'awaiting_file',"
      + " trace_numbers = '{}', clearing_file_id = NULL, settlement_date = NULL, decide_on = NULL, updated_at = $2"
      + " WHERE clearing_file_id = $1 AND status = 'sent'";
  private static final String SUPERSEDE_OPEN = "UPDATE account_verifications SET status = 'superseded',"
      + " updated_at = $2 WHERE funding_account_id = $1 AND status IN ('awaiting_file', 'sent')";

  private AccountVerificationRepository() {}

  static Future<Void> insert(SqlConnection conn, AccountVerification v, Instant at) {
    return conn.preparedQuery(INSERT).execute(Tuple.of(v.id(), v.fundingAccountId(), v.clientId(), v.method().wire(),
        v.status(), v.creditAmounts().isEmpty() ? null : v.creditAmounts().toArray(Integer[]::new), utc(at)))
        .mapEmpty();
  }

  static Future<Optional<AccountVerification>> lockOpen(SqlConnection conn, String fundingAccountId) {
    return conn.preparedQuery(OPEN).execute(Tuple.of(fundingAccountId)).map(AccountVerificationRepository::first);
  }

  static Future<List<AccountVerification>> lockAwaitingFile(SqlConnection conn, int limit) {
    return conn.preparedQuery(AWAITING_FILE).execute(Tuple.of(limit)).map(AccountVerificationRepository::all);
  }

  static Future<Void> markSent(SqlConnection conn, String id, List<String> traces, String fileId,
      LocalDate settlement, LocalDate decideOn, Instant at) {
    return conn.preparedQuery(MARK_SENT).execute(Tuple.of(id, traces.toArray(String[]::new), fileId, settlement,
        decideOn, utc(at))).mapEmpty();
  }

  static Future<Optional<AccountVerification>> lockByTrace(SqlConnection conn, String trace) {
    return conn.preparedQuery(BY_TRACE).execute(Tuple.of(trace)).map(AccountVerificationRepository::first);
  }

  static Future<List<AccountVerification>> lockDueForDecision(SqlConnection conn, LocalDate today, int limit) {
    return conn.preparedQuery(DUE_FOR_DECISION).execute(Tuple.of(today, limit))
        .map(AccountVerificationRepository::all);
  }

  static Future<Void> setStatus(SqlConnection conn, String id, String status, String failure, int attempts,
      Instant at) {
    return conn.preparedQuery(SET_STATUS).execute(Tuple.of(id, status, failure, attempts, utc(at))).mapEmpty();
  }

  static Future<Integer> backToAwaitingFile(SqlConnection conn, String clearingFileId, Instant at) {
    return conn.preparedQuery(BACK_TO_AWAITING).execute(Tuple.of(clearingFileId, utc(at))).map(RowSet::rowCount);
  }

  static Future<Void> supersedeOpen(SqlConnection conn, String fundingAccountId, Instant at) {
    return conn.preparedQuery(SUPERSEDE_OPEN).execute(Tuple.of(fundingAccountId, utc(at))).mapEmpty();
  }

  private static Optional<AccountVerification> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(toVerification(it.next())) : Optional.empty();
  }

  private static List<AccountVerification> all(RowSet<Row> rows) {
    List<AccountVerification> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(toVerification(r)));
    return out;
  }

  private static AccountVerification toVerification(Row r) {
    Integer[] amounts = r.getArrayOfIntegers("credit_amounts");
    String[] traces = r.getArrayOfStrings("trace_numbers");
    return new AccountVerification(r.getString("id"), r.getString("funding_account_id"), r.getString("client_id"),
        VerificationMethod.fromWire(r.getString("method")).orElseThrow(), r.getString("status"),
        amounts == null ? List.of() : Arrays.asList(amounts), r.getInteger("attempts"),
        traces == null ? List.of() : Arrays.asList(traces), r.getString("clearing_file_id"),
        r.getLocalDate("settlement_date"), r.getLocalDate("decide_on"));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
