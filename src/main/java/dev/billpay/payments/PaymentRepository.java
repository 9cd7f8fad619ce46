package dev.billpay.payments;

import dev.billpay.shared.Money;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;

/** Payments, their idempotency records and their outbox events in PostgreSQL. */
public final class PaymentRepository {

  /**
   * The idempotency record, the payment and its outbox event in ONE statement, hence one
   * transaction and one round trip. The payment is inserted only if the key was new; a key that is
   * in flight in another transaction makes this statement wait for it, and then insert nothing.
   */
  private static final String INSERT_PAYMENT = """
      WITH idem AS (
        INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status, response_body, created_at)
        VALUES ($1, $2, $3, 201, $4, $5)
        ON CONFLICT (client_id, idempotency_key) DO NOTHING
        RETURNING 1
      ), pay AS (
        INSERT INTO payments (id, client_id, funding_account_id, payee_id, amount, currency, reference, status,
                              version, created_at, updated_at)
        SELECT $6, $1, $7, $8, $9, $10, $11, $12, 1, $5, $5 FROM idem
        RETURNING id
      ), evt AS (
        INSERT INTO outbox (event_id, message_key, payload, created_at)
        SELECT $13, $6, $14, $5 FROM pay
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM pay) AS created, (SELECT count(*) FROM evt) AS events""";

  private static final String FIND_IDEMPOTENCY_RECORD = """
      SELECT fingerprint, response_status, response_body FROM idempotency_keys
      WHERE client_id = $1 AND idempotency_key = $2""";

  private static final String FIND_PAYMENT = """
      SELECT id, client_id, funding_account_id, payee_id, amount, currency, reference, status, version,
             created_at, updated_at
      FROM payments WHERE id = $1 AND client_id = $2""";

  public static final String REFERENCE_CONSTRAINT = "payments_client_reference";

  public record StoredResponse(byte[] fingerprint, int status, String body) {}

  private final Pool pool;

  public PaymentRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts atomically; answers false when the idempotency key already existed. */
  public Future<Boolean> insert(Payment p, String idempotencyKey, byte[] fingerprint, String responseBody,
      String eventId, String eventPayload) {
    Tuple params = Tuple.tuple()
        .addString(p.clientId())
        .addString(idempotencyKey)
        .addBuffer(Buffer.buffer(fingerprint))
        .addString(responseBody)
        .addOffsetDateTime(OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC))
        .addString(p.id())
        .addString(p.fundingAccountId())
        .addString(p.payeeId())
        .addLong(p.amount().minor())
        .addString(p.amount().currencyCode())
        .addString(p.reference())
        .addString(p.status().wire())
        .addString(eventId)
        .addString(eventPayload);
    return pool.preparedQuery(INSERT_PAYMENT).execute(params)
        .map(rows -> rows.iterator().next().getLong("created") == 1L);
  }

  public Future<Optional<StoredResponse>> findIdempotencyRecord(String clientId, String key) {
    return pool.preparedQuery(FIND_IDEMPOTENCY_RECORD).execute(Tuple.of(clientId, key))
        .map(rows -> first(rows).map(r -> new StoredResponse(
            r.getBuffer("fingerprint").getBytes(), r.getInteger("response_status"), r.getString("response_body"))));
  }

  public Future<Optional<Payment>> find(String clientId, String paymentId) {
    return pool.preparedQuery(FIND_PAYMENT).execute(Tuple.of(paymentId, clientId))
        .map(rows -> first(rows).map(PaymentRepository::toPayment));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static Payment toPayment(Row r) {
    return new Payment(
        r.getString("id"),
        r.getString("client_id"),
        r.getString("funding_account_id"),
        r.getString("payee_id"),
        new Money(r.getLong("amount"), Currency.getInstance(r.getString("currency"))),
        r.getString("reference"),
        PaymentStatus.fromWire(r.getString("status")),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }
}
