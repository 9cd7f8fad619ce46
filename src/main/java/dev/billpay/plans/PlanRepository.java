package dev.billpay.plans;

import dev.billpay.payments.PaymentSpeed;
import dev.billpay.scheduling.Frequency;
import dev.billpay.scheduling.Recurrence;
import dev.billpay.shared.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Payment plans in PostgreSQL, and the plan side of materialising their occurrences. */
public final class PlanRepository {
  private static final String COLUMNS = "id, client_id, funding_account_id, payee_id, amount, currency, frequency,"
      + " start_date, end_date, occurrence_count, day_of_month, time_zone, description, status, materialized_through,"
      + " version, created_at, updated_at, speed";
  private static final String INSERT = "INSERT INTO payment_plans (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6,"
      + " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM payment_plans WHERE id = $1 AND client_id = $2";
  private static final String LIST = "SELECT " + COLUMNS + " FROM payment_plans WHERE client_id = $1"
      + " AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3";
  /** Conditional, like payment transitions: only from the allowed states. */
  private static final String SET_STATUS = "UPDATE payment_plans SET status = $3, version = version + 1,"
      + " updated_at = $4 WHERE id = $1 AND client_id = $2 AND status = ANY($5) RETURNING " + COLUMNS;
  /**
   * Plans whose occurrences are not yet materialised up to the horizon. SKIP LOCKED lets any number of
   * scheduler instances share the work without waiting on each other or doing it twice.
   */
  private static final String CLAIM_BEHIND = "SELECT " + COLUMNS + " FROM payment_plans WHERE status = 'active'"
      + " AND (materialized_through IS NULL OR materialized_through < $1)"
      // furthest behind first: plans already up to date in a zone west of UTC+14 never starve the rest
      + " ORDER BY materialized_through NULLS FIRST, id LIMIT $2 FOR UPDATE SKIP LOCKED";
  /** Dates up to $2 are never materialised: they passed before the plan existed or while it was paused. */
  private static final String SKIP_THROUGH = "UPDATE payment_plans SET materialized_through ="
      + " GREATEST(materialized_through, $2) WHERE id = $1";
  private static final String MATERIALIZED = "UPDATE payment_plans SET materialized_through = $2, status = $3,"
      + " updated_at = $4 WHERE id = $1";

  private final Pool pool;

  public PlanRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> insert(SqlClient conn, PaymentPlan p) {
    Recurrence r = p.recurrence();
    return conn.preparedQuery(INSERT).execute(Tuple.tuple().addString(p.id()).addString(p.clientId())
        .addString(p.fundingAccountId()).addString(p.payeeId()).addLong(p.amount().minor())
        .addString(p.amount().currencyCode()).addString(r.frequency().wire()).addLocalDate(r.startDate())
        .addLocalDate(r.endDate()).addInteger(r.count()).addInteger(r.dayOfMonth()).addString(p.zone().getId())
        .addString(p.description()).addString(p.status()).addLocalDate(p.materializedThrough())
        .addInteger(p.version()).addOffsetDateTime(utc(p.createdAt())).addOffsetDateTime(utc(p.updatedAt()))
        .addString(p.speed().wire()))
        .mapEmpty();
  }

  public Future<Optional<PaymentPlan>> find(SqlClient conn, String clientId, String id) {
    return conn.preparedQuery(FIND).execute(Tuple.of(id, clientId)).map(PlanRepository::first);
  }

  public Future<Optional<PaymentPlan>> find(String clientId, String id) {
    return find(pool, clientId, id);
  }

  public Future<List<PaymentPlan>> list(String clientId, String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST).execute(Tuple.of(clientId, startingAfter, limitPlusOne))
        .map(PlanRepository::all);
  }

  public static Future<Void> skipThrough(SqlClient conn, String id, LocalDate through) {
    return conn.preparedQuery(SKIP_THROUGH).execute(Tuple.of(id, through)).mapEmpty();
  }

  public static Future<Optional<PaymentPlan>> setStatus(SqlClient conn, String clientId, String id, String status,
      Set<String> from, Instant at) {
    return conn.preparedQuery(SET_STATUS).execute(Tuple.of(id, clientId, status, utc(at),
        from.toArray(String[]::new))).map(PlanRepository::first);
  }

  public static Future<List<PaymentPlan>> claimBehind(SqlClient conn, LocalDate horizon, int limit) {
    return conn.preparedQuery(CLAIM_BEHIND).execute(Tuple.of(horizon, limit)).map(PlanRepository::all);
  }

  public static Future<Void> materialized(SqlClient conn, String id, LocalDate through, String status, Instant at) {
    return conn.preparedQuery(MATERIALIZED).execute(Tuple.of(id, through, status, utc(at))).mapEmpty();
  }

  private static Optional<PaymentPlan> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(toPlan(it.next())) : Optional.empty();
  }

  private static List<PaymentPlan> all(RowSet<Row> rows) {
    List<PaymentPlan> out = new ArrayList<>();
    rows.forEach(r -> out.add(toPlan(r)));
    return out;
  }

  private static PaymentPlan toPlan(Row r) {
    Recurrence recurrence = new Recurrence(Frequency.fromWire(r.getString("frequency")).orElseThrow(),
        r.getLocalDate("start_date"), r.getLocalDate("end_date"), r.getInteger("occurrence_count"),
        r.getInteger("day_of_month"));
    return new PaymentPlan(r.getString("id"), r.getString("client_id"), r.getString("funding_account_id"),
        r.getString("payee_id"), new Money(r.getLong("amount"), Currency.getInstance(r.getString("currency").trim())),
        PaymentSpeed.fromWire(r.getString("speed")), recurrence, ZoneId.of(r.getString("time_zone")), r.getString("description"), r.getString("status"),
        r.getLocalDate("materialized_through"), r.getInteger("version"),
        r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
