package dev.billpay.payments;

import dev.billpay.shared.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Payments in PostgreSQL. Writes take the caller's connection: they run inside its transaction. */
public final class PaymentRepository {
  private static final String INSERTED = "id, client_id, funding_account_id, payee_id, amount, currency, reference,"
      + " status, scheduled_for, version, created_at, updated_at, plan_id, occurrence_date, effective_date, due_at, speed";
  static final String COLUMNS = INSERTED + ", trace_number, clearing_file_id, return_code, return_reason,"
      + " return_dispute_kind, return_dispute_code, return_dispute_reason, return_disputed_at, retry_of, attempt";
  private static final String INSERT = "INSERT INTO payments (" + INSERTED + ")"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM payments WHERE id = $1 AND client_id = $2";
  /** {@link #COLUMNS} of the row named {@code p}, for statements that join it with their parameters. */
  private static final String P_COLUMNS = prefixed("p.");
  /**
   * The conditional update of every transition, for any number of payments at once: each moves only
   * from an allowed source state, and only if it is its owner's.
   */
  private static final String TRANSITION = "UPDATE payments p SET status = $3, version = p.version + 1, updated_at = $4"
      + " FROM unnest($1::text[], $2::text[]) AS r(id, client_id)"
      + " WHERE p.id = r.id AND p.client_id = r.client_id AND p.status = ANY($5) RETURNING " + P_COLUMNS;
  /** The transition into a file: each payment gets its trace number, the file and the file's effective date. */
  private static final String SUBMIT = "UPDATE payments p SET status = $6, version = p.version + 1,"
      + " updated_at = $3, trace_number = u.trace, clearing_file_id = $2, effective_date = $5"
      + " FROM unnest($1::text[], $4::text[]) AS u(id, trace) WHERE p.id = u.id AND p.status = ANY($7)"
      + " RETURNING " + P_COLUMNS;
  /** Out of a cancelled clearing file: back to pending, without the file's trace number and id. */
  private static final String WITHDRAW = "UPDATE payments p SET status = $4, version = p.version + 1, updated_at = $3,"
      + " trace_number = NULL, clearing_file_id = NULL WHERE p.id = ANY($1) AND p.clearing_file_id = $2"
      + " AND p.status = ANY($5) RETURNING " + P_COLUMNS;
  /** The transition to returned, with the bank's reason. */
  private static final String RETURN = "UPDATE payments SET status = $3, version = version + 1, updated_at = $4,"
      + " return_code = $6, return_reason = $7 WHERE id = $1 AND client_id = $2 AND status = ANY($5)"
      + " RETURNING " + COLUMNS;
  /** A dispute of the payment's return between the banks: the status stays, the latest dispute shows. */
  private static final String RETURN_DISPUTE = "UPDATE payments SET version = version + 1, updated_at = $3,"
      + " return_dispute_kind = $4, return_dispute_code = $5, return_dispute_reason = $6, return_disputed_at = $3"
      + " WHERE id = $1 AND client_id = $2 RETURNING " + COLUMNS;
  private static final String LOCK_STATE = "SELECT client_id, status FROM payments WHERE id = $1 FOR UPDATE";
  /** Adds to today's total only while it stays within the limit; no row back means over the limit. */
  private static final String ADD_TO_DAILY_TOTAL = """
      INSERT INTO client_daily_totals AS t (client_id, day, currency, total) VALUES ($1, $2, $3, $4)
      ON CONFLICT (client_id, day, currency) DO UPDATE SET total = t.total + EXCLUDED.total
      WHERE t.total + EXCLUDED.total <= $5
      RETURNING total""";

  /** A plan occurrence is inserted at most once, whatever the number of schedulers and restarts. */
  private static final String INSERT_OCCURRENCE = INSERT
      + " ON CONFLICT (plan_id, occurrence_date) WHERE plan_id IS NOT NULL DO NOTHING RETURNING id";

  /**
   * A reinitiation is inserted at most once per attempt of its chain: two imports of returns racing
   * (or the same return read twice) make one payment, never two.
   */
  private static final String INSERT_RETRY = "INSERT INTO payments (" + INSERTED + ", retry_of, attempt)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
      + " ON CONFLICT (retry_of, attempt) WHERE retry_of IS NOT NULL DO NOTHING RETURNING id";
  /** Every attempt of a chain, the first one first: its id is {@code retry_of} of the others. */
  private static final String ATTEMPTS = "SELECT id, attempt, status, effective_date, trace_number, return_code,"
      + " created_at FROM payments WHERE client_id = $2 AND (id = $1 OR retry_of = $1) ORDER BY attempt";
  private static final String EFFECTIVE_DATE = "SELECT effective_date FROM payments WHERE id = $1";

  public static final String REFERENCE_CONSTRAINT = "payments_client_reference";

  private final Pool pool;

  public PaymentRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> insert(SqlConnection conn, Payment p) {
    return conn.preparedQuery(INSERT).execute(tuple(p)).mapEmpty();
  }

  private static Tuple tuple(Payment p) {
    return Tuple.tuple()
        .addString(p.id()).addString(p.clientId()).addString(p.fundingAccountId()).addString(p.payeeId())
        .addLong(p.amount().minor()).addString(p.amount().currencyCode()).addString(p.reference())
        .addString(p.status().wire()).addLocalDate(p.scheduledFor()).addInteger(p.version())
        .addOffsetDateTime(utc(p.createdAt())).addOffsetDateTime(utc(p.updatedAt()))
        .addString(p.execution().planId()).addLocalDate(p.execution().planId() == null ? null : p.scheduledFor())
        .addLocalDate(p.execution().effectiveDate())
        .addOffsetDateTime(p.execution().dueAt() == null ? null : utc(p.execution().dueAt()))
        .addString(p.execution().speed().wire());
  }

  public Future<Boolean> addToDailyTotal(SqlConnection conn, String clientId, LocalDate day, Money amount, long limit) {
    return conn.preparedQuery(ADD_TO_DAILY_TOTAL)
        .execute(Tuple.of(clientId, day, amount.currencyCode(), amount.minor(), limit))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Many payments in one round trip, in the caller's transaction. */
  public Future<Void> insertAll(SqlConnection conn, List<Payment> payments) {
    List<Tuple> tuples = new ArrayList<>(payments.size());
    payments.forEach(p -> tuples.add(tuple(p)));
    return conn.preparedQuery(INSERT).executeBatch(tuples).mapEmpty();
  }

  /** One client's amounts of one day and currency, added to its daily total at once. */
  public record DailyAmount(String clientId, LocalDate day, String currency, long amount) {}

  /**
   * {@link #addToDailyTotal} for many totals in one round trip; answers whether every one stayed
   * within the limit. Callers order the totals, so two transactions never wait on each other's rows.
   */
  public Future<Boolean> addToDailyTotals(SqlConnection conn, List<DailyAmount> amounts, long limit) {
    List<Tuple> tuples = new ArrayList<>(amounts.size());
    amounts.forEach(a -> tuples.add(Tuple.of(a.clientId(), a.day(), a.currency(), a.amount(), limit)));
    return conn.preparedQuery(ADD_TO_DAILY_TOTAL).executeBatch(tuples)
        .map(first -> dev.billpay.db.BatchResults.each(first, tuples.size(), rows -> rows.rowCount() == 1).stream()
            .allMatch(within -> within));
  }

  /** True if inserted, false if the plan already has this occurrence. */
  static Future<Boolean> insertOccurrence(SqlConnection conn, Payment p) {
    return conn.preparedQuery(INSERT_OCCURRENCE).execute(tuple(p)).map(rows -> rows.size() > 0);
  }

  /** True if inserted, false if the chain already has this attempt. */
  static Future<Boolean> insertRetry(SqlConnection conn, Payment p) {
    return conn.preparedQuery(INSERT_RETRY).execute(tuple(p).addString(p.execution().retryOf())
        .addInteger(p.execution().attempt())).map(rows -> rows.size() > 0);
  }

  /** The effective (settlement) date of a payment, the first attempt of a chain; empty if it has none. */
  static Future<Optional<LocalDate>> effectiveDate(SqlConnection conn, String paymentId) {
    return conn.preparedQuery(EFFECTIVE_DATE).execute(Tuple.of(paymentId))
        .map(rows -> first(rows).map(r -> r.getLocalDate(0)));
  }

  /** The attempts of the chain whose first payment is {@code firstId}, as the payment resource lists them. */
  Future<JsonArray> attempts(String clientId, String firstId) {
    return pool.preparedQuery(ATTEMPTS).execute(Tuple.of(firstId, clientId)).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        LocalDate effective = r.getLocalDate("effective_date");
        out.add(new JsonObject().put("payment_id", r.getString("id"))
            .put("attempt", r.getInteger("attempt")).put("status", r.getString("status"))
            .put("effective_date", effective == null ? null : effective.toString())
            .put("trace_number", r.getString("trace_number")).put("return_code", r.getString("return_code"))
            .put("created_at", r.getOffsetDateTime("created_at").toInstant().toString()));
      }
      return out;
    });
  }

  public Future<Optional<Payment>> find(String clientId, String paymentId) {
    return find(pool, clientId, paymentId);
  }

  static Future<Optional<Payment>> find(SqlClient client, String clientId, String paymentId) {
    return client.preparedQuery(FIND).execute(Tuple.of(paymentId, clientId))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  /**
   * Moves each payment to {@code to} if it is in one of {@code from}, in one statement; answers those
   * that moved, as they now are (in no particular order).
   */
  static Future<List<Payment>> transition(SqlConnection conn, List<PaymentRef> refs, Set<PaymentStatus> from,
      PaymentStatus to, Instant at) {
    String[] ids = refs.stream().map(PaymentRef::id).toArray(String[]::new);
    String[] owners = refs.stream().map(PaymentRef::clientId).toArray(String[]::new);
    return conn.preparedQuery(TRANSITION).execute(Tuple.of(ids, owners, to.wire(), utc(at), wires(from)))
        .map(PaymentRepository::toPayments);
  }

  /**
   * Moves the payments into a clearing file (pending to submitted, as {@code from} and {@code to} say)
   * with the file's effective entry date (the day the debit settles); answers those that moved.
   */
  static Future<List<Payment>> submit(SqlConnection conn, String fileId, List<String> paymentIds,
      List<String> traces, LocalDate effective, Set<PaymentStatus> from, PaymentStatus to, Instant at) {
    return conn.preparedQuery(SUBMIT).execute(Tuple.of(paymentIds.toArray(String[]::new), fileId, utc(at),
        traces.toArray(String[]::new), effective, to.wire(), wires(from))).map(PaymentRepository::toPayments);
  }

  /** Takes the payments out of the file (from {@code from} to {@code to}); answers those that moved. */
  static Future<List<Payment>> withdraw(SqlConnection conn, String fileId, List<String> paymentIds,
      Set<PaymentStatus> from, PaymentStatus to, Instant at) {
    return conn.preparedQuery(WITHDRAW).execute(Tuple.of(paymentIds.toArray(String[]::new), fileId, utc(at),
        to.wire(), wires(from))).map(PaymentRepository::toPayments);
  }

  /** Moves the payment to returned with the bank's code and reason; empty when it cannot move (or not found). */
  static Future<Optional<Payment>> returned(SqlConnection conn, PaymentRef ref, Set<PaymentStatus> from,
      PaymentStatus to, String code, String reason, Instant at) {
    return conn.preparedQuery(RETURN)
        .execute(Tuple.of(ref.id(), ref.clientId(), to.wire(), utc(at), wires(from), code, reason))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  static Future<Optional<Payment>> returnDisputed(SqlConnection conn, PaymentRef ref, Payment.ReturnDispute dispute) {
    return conn.preparedQuery(RETURN_DISPUTE)
        .execute(Tuple.of(ref.id(), ref.clientId(), utc(dispute.recordedAt()), dispute.kind().wire(), dispute.code(),
            dispute.reason()))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  /** A payment's owner and state, locked for the caller's transaction. */
  record State(String clientId, PaymentStatus status) {}

  static Future<State> lockState(SqlConnection conn, String paymentId) {
    return conn.preparedQuery(LOCK_STATE).execute(Tuple.of(paymentId)).map(rows -> {
      Row row = rows.iterator().next();
      return new State(row.getString("client_id"), PaymentStatus.fromWire(row.getString("status")));
    });
  }

  private static String[] wires(Set<PaymentStatus> states) {
    return states.stream().map(PaymentStatus::wire).toArray(String[]::new);
  }

  private static String prefixed(String prefix) {
    StringBuilder out = new StringBuilder();
    for (String column : COLUMNS.split(",")) {
      out.append(out.length() == 0 ? "" : ", ").append(prefix).append(column.trim());
    }
    return out.toString();
  }

  private static List<Payment> toPayments(RowSet<Row> rows) {
    List<Payment> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(toPayment(r)));
    return out;
  }

  public Future<List<Payment>> list(PaymentQuery query) {
    PaymentQuery.Sql sql = query.toSql("SELECT " + COLUMNS + " FROM payments");
    return pool.preparedQuery(sql.text()).execute(sql.params()).map(PaymentRepository::toPayments);
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  static Payment toPayment(Row r) {
    return new Payment(
        r.getString("id"),
        r.getString("client_id"),
        r.getString("funding_account_id"),
        r.getString("payee_id"),
        new Money(r.getLong("amount"), Currency.getInstance(r.getString("currency").trim())),
        r.getString("reference"),
        PaymentStatus.fromWire(r.getString("status")),
        r.getLocalDate("scheduled_for"),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant(),
        new Payment.Execution(r.getString("plan_id"), PaymentSpeed.fromWire(r.getString("speed")),
            r.getLocalDate("effective_date"),
            r.getOffsetDateTime("due_at") == null ? null : r.getOffsetDateTime("due_at").toInstant(),
            r.getString("trace_number"), r.getString("clearing_file_id"), r.getString("return_code"),
            r.getString("return_reason"), returnDispute(r), r.getString("retry_of"), r.getInteger("attempt")));
  }

  private static Payment.ReturnDispute returnDispute(Row r) {
    String kind = r.getString("return_dispute_kind");
    return kind == null ? null : new Payment.ReturnDispute(Payment.ReturnDispute.Kind.fromWire(kind),
        r.getString("return_dispute_code"), r.getString("return_dispute_reason"),
        r.getOffsetDateTime("return_disputed_at").toInstant());
  }
}
