package dev.billpay.payments;

import dev.billpay.shared.Money;
import io.vertx.core.Future;
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
      + " status, scheduled_for, version, created_at, updated_at, plan_id, occurrence_date, effective_date, due_at";
  public static final String COLUMNS = INSERTED + ", trace_number, clearing_file_id, return_code, return_reason";
  private static final String INSERT = "INSERT INTO payments (" + INSERTED + ")"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM payments WHERE id = $1 AND client_id = $2";
  /** The conditional update of every transition: it only succeeds from an allowed source state. */
  private static final String TRANSITION = "UPDATE payments SET status = $3, version = version + 1, updated_at = $4"
      + " WHERE id = $1 AND client_id = $2 AND status = ANY($5) RETURNING " + COLUMNS;
  /** Adds to today's total only while it stays within the limit; no row back means over the limit. */
  private static final String ADD_TO_DAILY_TOTAL = """
      INSERT INTO client_daily_totals AS t (client_id, day, currency, total) VALUES ($1, $2, $3, $4)
      ON CONFLICT (client_id, day, currency) DO UPDATE SET total = t.total + EXCLUDED.total
      WHERE t.total + EXCLUDED.total <= $5
      RETURNING total""";

  /** A plan occurrence is inserted at most once, whatever the number of schedulers and restarts. */
  private static final String INSERT_OCCURRENCE = INSERT
      + " ON CONFLICT (plan_id, occurrence_date) WHERE plan_id IS NOT NULL DO NOTHING RETURNING id";
  /** Due scheduled payments; those of a paused or canceled plan wait (or are canceled with it). */
  private static final String CLAIM_DUE = """
      SELECT id, client_id FROM payments p WHERE status = 'scheduled' AND due_at <= $1
        AND (plan_id IS NULL OR EXISTS (SELECT 1 FROM payment_plans pl WHERE pl.id = p.plan_id AND pl.status <> 'paused'))
      ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED""";
  private static final String SCHEDULED_OF_PLAN = "SELECT id FROM payments WHERE plan_id = $1 AND status = 'scheduled'"
      + " AND due_at < $2 ORDER BY due_at";

  /**
   * Locks the payment a bank file refers to by its trace number: the latest with it, as trace
   * numbers come round again after 9,999,999 entries (long after any return could arrive).
   */
  private static final String FIND_BY_TRACE = "SELECT " + COLUMNS + " FROM payments WHERE trace_number = $1"
      + " ORDER BY id DESC LIMIT 1 FOR UPDATE";
  private static final String RECORD_RETURN = "UPDATE payments SET return_code = $2, return_reason = $3 WHERE id = $1";

  /** A payment's id and owner, as the background jobs see it. */
  public record Ref(String id, String clientId) {}

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
        .addOffsetDateTime(p.execution().dueAt() == null ? null : utc(p.execution().dueAt()));
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
  public Future<Boolean> insertOccurrence(SqlConnection conn, Payment p) {
    return conn.preparedQuery(INSERT_OCCURRENCE).execute(tuple(p)).map(rows -> rows.size() > 0);
  }

  public static Future<List<Ref>> claimDue(SqlConnection conn, Instant now, int limit) {
    return conn.preparedQuery(CLAIM_DUE).execute(Tuple.of(utc(now), limit)).map(rows -> {
      List<Ref> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Ref(r.getString("id"), r.getString("client_id"))));
      return out;
    });
  }

  /** The plan's scheduled payments due before {@code before}, oldest first. */
  public static Future<List<String>> scheduledOfPlan(SqlConnection conn, String planId, Instant before) {
    return conn.preparedQuery(SCHEDULED_OF_PLAN).execute(Tuple.of(planId, utc(before))).map(rows -> {
      List<String> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getString("id")));
      return out;
    });
  }

  public static Future<Optional<Payment>> findByTrace(SqlConnection conn, String traceNumber) {
    return conn.preparedQuery(FIND_BY_TRACE).execute(Tuple.of(traceNumber))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  /** Stores the bank's return reason; the transition to returned follows in the same transaction. */
  public static Future<Void> recordReturn(SqlConnection conn, String paymentId, String code, String reason) {
    return conn.preparedQuery(RECORD_RETURN).execute(Tuple.of(paymentId, code, reason)).mapEmpty();
  }

  public Future<Optional<Payment>> find(String clientId, String paymentId) {
    return find(pool, clientId, paymentId);
  }

  public Future<Optional<Payment>> find(SqlClient client, String clientId, String paymentId) {
    return client.preparedQuery(FIND).execute(Tuple.of(paymentId, clientId))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  /** Moves the payment to {@code to} if it is in one of {@code from}; empty when it is not (or not found). */
  public Future<Optional<Payment>> transition(SqlConnection conn, String clientId, String paymentId,
      Set<PaymentStatus> from, PaymentStatus to, Instant at) {
    String[] sources = from.stream().map(PaymentStatus::wire).toArray(String[]::new);
    return conn.preparedQuery(TRANSITION).execute(Tuple.of(paymentId, clientId, to.wire(), utc(at), sources))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  public Future<List<Payment>> list(PaymentQuery query) {
    PaymentQuery.Sql sql = query.toSql("SELECT " + COLUMNS + " FROM payments");
    return pool.preparedQuery(sql.text()).execute(sql.params()).map(rows -> {
      List<Payment> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(toPayment(r)));
      return out;
    });
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  public static Payment toPayment(Row r) {
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
        new Payment.Execution(r.getString("plan_id"), r.getLocalDate("effective_date"),
            r.getOffsetDateTime("due_at") == null ? null : r.getOffsetDateTime("due_at").toInstant(),
            r.getString("trace_number"), r.getString("clearing_file_id"), r.getString("return_code"),
            r.getString("return_reason")));
  }
}
