package dev.billpay.benchmark;

import dev.billpay.payments.PaymentEvents;
import dev.billpay.payments.Payment;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.shared.Ids;
import dev.billpay.shared.Money;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phase (a): the plain PostgreSQL transaction behind one payment, with nothing else around it:
 * BEGIN; INSERT the idempotency record; INSERT the payment; INSERT the outbox event; COMMIT. Scratch
 * copies of the gateway's tables ({@code LIKE ... INCLUDING ALL}: same columns, defaults, checks,
 * indexes, plus the payment's foreign key to clients and the outbox's NOTIFY trigger on a channel of
 * its own) keep the gateway's data untouched. Rows have the gateway's shapes and sizes.
 */
final class RawPostgresCeiling implements LoadGenerator.Operation {
  private static final List<String> SETUP = List.of(
      "DROP TABLE IF EXISTS bench_idempotency_keys, bench_payments, bench_outbox",
      "DROP SEQUENCE IF EXISTS bench_outbox_id_seq",
      "CREATE TABLE bench_idempotency_keys (LIKE idempotency_keys INCLUDING ALL)",
      "CREATE TABLE bench_payments (LIKE payments INCLUDING ALL)",
      "ALTER TABLE bench_payments ADD FOREIGN KEY (client_id) REFERENCES clients (id)",
      // LIKE copies the default nextval('outbox_id_seq'): give the copy a sequence of its own
      "CREATE SEQUENCE bench_outbox_id_seq",
      "CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL)",
      "ALTER TABLE bench_outbox ALTER COLUMN id SET DEFAULT nextval('bench_outbox_id_seq')",
      """
      CREATE OR REPLACE FUNCTION bench_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('billpay_bench_outbox', '');
        RETURN NULL;
      END
      $$""",
      "CREATE TRIGGER bench_outbox_notify AFTER INSERT ON bench_outbox FOR EACH STATEMENT"
          + " EXECUTE FUNCTION bench_notify_outbox()");
  private static final List<String> TEARDOWN = List.of(
      "DROP TABLE IF EXISTS bench_idempotency_keys, bench_payments, bench_outbox",
      "DROP SEQUENCE IF EXISTS bench_outbox_id_seq",
      "DROP FUNCTION IF EXISTS bench_notify_outbox()");

  /** The idempotency record is written complete (status and body) in one statement. */
  private static final String INSERT_IDEMPOTENCY = "INSERT INTO bench_idempotency_keys (client_id, idempotency_key,"
      + " fingerprint, response_status, response_body, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
  /** The columns PaymentRepository inserts. */
  private static final String INSERT_PAYMENT = "INSERT INTO bench_payments (id, client_id, funding_account_id,"
      + " payee_id, amount, currency, reference, status, scheduled_for, version, created_at, updated_at, plan_id,"
      + " occurrence_date, effective_date, due_at)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
  private static final String INSERT_OUTBOX =
      "INSERT INTO bench_outbox (event_id, message_key, payload, created_at) VALUES ($1, $2, $3, $4)";

  private static final Currency USD = Currency.getInstance("USD");
  private final Pool pool;
  private final String clientId;
  private final String runId;
  private final SplittableRandom random = new SplittableRandom(7);
  private long sequence;

  RawPostgresCeiling(Pool pool, String clientId, String runId) {
    this.pool = pool;
    this.clientId = clientId;
    this.runId = runId;
  }

  Future<Void> createTables() {
    return runAll(pool, SETUP);
  }

  Future<Void> dropTables() {
    return runAll(pool, TEARDOWN);
  }

  /**
   * Switches the outbox copy's NOTIFY trigger. PostgreSQL serializes the commits of transactions that
   * NOTIFY (PreCommit_Notify takes one cluster-wide lock and holds it past the commit's WAL flush), so
   * the variant without it shows what that costs.
   */
  Future<Void> notifyTrigger(boolean enabled) {
    return pool.query("ALTER TABLE bench_outbox " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER bench_outbox_notify")
        .execute().mapEmpty();
  }

  /** The server's durability settings as it reports them (the claims depend on both being on). */
  static Future<String> durability(Pool pool) {
    return pool.query("SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
            + " current_setting('server_version')").execute()
        .map(rows -> {
          var row = rows.iterator().next();
          return "fsync=" + row.getString(0) + ", synchronous_commit=" + row.getString(1) + ", PostgreSQL "
              + row.getString(2);
        });
  }

  @Override
  public Future<?> call() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    String key = runId + "-raw-" + sequence++;
    Payment p = new Payment(Ids.newId("pay"), clientId, "fa_01JBENCHRAW0000000000000001",
        "pe_01JBENCHRAW0000000000000001", new Money(100 + random.nextInt(9900), USD), key, PaymentStatus.PENDING,
        null, 1, now, now, Payment.Execution.of(null, LocalDate.ofInstant(now, ZoneOffset.UTC), null));
    String answer = p.toJson().encode();
    String event = PaymentEvents.of(p, "created").encode();
    byte[] fingerprint = new byte[32];
    random.nextBytes(fingerprint);
    Tuple idempotency = Tuple.of(clientId, key, Buffer.buffer(fingerprint), 201, answer, at);
    Tuple payment = Tuple.tuple().addString(p.id()).addString(clientId).addString(p.fundingAccountId())
        .addString(p.payeeId()).addLong(p.amount().minor()).addString("USD").addString(key).addString("pending")
        .addLocalDate(null).addInteger(1).addOffsetDateTime(at).addOffsetDateTime(at).addString(null)
        .addLocalDate(null).addLocalDate(p.execution().effectiveDate()).addOffsetDateTime(null);
    Tuple outbox = Tuple.of(PaymentEvents.eventId(p.id(), 1), p.id(), event, at);
    return pool.withTransaction(conn -> conn.preparedQuery(INSERT_IDEMPOTENCY).execute(idempotency)
        .compose(v -> conn.preparedQuery(INSERT_PAYMENT).execute(payment))
        .compose(v -> conn.preparedQuery(INSERT_OUTBOX).execute(outbox)));
  }

  private static Future<Void> runAll(Pool pool, List<String> statements) {
    Future<Void> chain = Future.succeededFuture();
    for (String sql : statements) {
      chain = chain.compose(v -> pool.query(sql).execute().mapEmpty());
    }
    return chain;
  }
}
