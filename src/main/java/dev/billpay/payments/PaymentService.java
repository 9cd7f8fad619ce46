package dev.billpay.payments;

import dev.billpay.events.PaymentEvents;
import dev.billpay.http.ApiProblem;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creating and reading payments; every creation is durable in PostgreSQL before it is answered. */
public final class PaymentService {

  /** What to answer: the status and JSON body, and whether it is an idempotent replay. */
  public record Reply(int status, String body, boolean replayed) {}

  private final PaymentRepository repository;
  private final Clock clock;
  private final Runnable outboxWake;

  public PaymentService(PaymentRepository repository, Clock clock, Runnable outboxWake) {
    this.repository = repository;
    this.clock = clock;
    this.outboxWake = outboxWake;
  }

  public Future<Reply> create(String clientId, String idempotencyKey, byte[] fingerprint, CreatePaymentRequest req) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Payment payment = new Payment(Ids.newId("pay"), clientId, req.fundingAccountId(), req.payeeId(), req.amount(),
        req.reference(), PaymentStatus.PENDING, 1, now, now);
    String body = payment.toJson().encode();
    JsonObject event = PaymentEvents.of(payment, "created");
    return repository.insert(payment, idempotencyKey, fingerprint, body, event.getString("id"), event.encode())
        .recover(this::duplicateReference)
        .compose(created -> {
          if (created) {
            outboxWake.run();
            return Future.succeededFuture(new Reply(201, body, false));
          }
          return replay(clientId, idempotencyKey, fingerprint);
        });
  }

  public Future<Payment> get(String clientId, String paymentId) {
    return repository.find(clientId, paymentId)
        .map(found -> found.orElseThrow(() -> ApiProblem.notFound("Payment " + paymentId)));
  }

  private Future<Reply> replay(String clientId, String key, byte[] fingerprint) {
    return repository.findIdempotencyRecord(clientId, key).map(found -> {
      var stored = found.orElseThrow(() -> new ApiProblem(409, "idempotency-key-in-flight",
          "Request in flight", "A request with this Idempotency-Key is still being processed; retry shortly."));
      if (!MessageDigest.isEqual(stored.fingerprint(), fingerprint)) {
        throw new ApiProblem(422, "idempotency-key-reused", "Idempotency-Key reused",
            "This Idempotency-Key was used with a different request; use a new key for a new request.");
      }
      return new Reply(stored.status(), stored.body(), true);
    });
  }

  private Future<Boolean> duplicateReference(Throwable failure) {
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        && String.valueOf(pg.getConstraint()).equals(PaymentRepository.REFERENCE_CONSTRAINT)) {
      return Future.failedFuture(new ApiProblem(409, "duplicate-reference", "Duplicate reference",
          "A payment with this reference already exists for your account; references are unique forever.",
          java.util.List.of(new ApiProblem.FieldError("reference", "is already used"))));
    }
    return Future.failedFuture(failure);
  }
}
