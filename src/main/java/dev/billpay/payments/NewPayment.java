package dev.billpay.payments;

import dev.billpay.idempotency.IdempotentTransactions.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment a client asked for, checked and built but not yet written: what one POST /v1/payments
 * puts into a write transaction, alone or coalesced with others.
 */
record NewPayment(String clientId, String key, byte[] fingerprint, CreatePaymentRequest request, Payment payment,
    String eventType, LocalDate day, Instant at, Reply reply) {

  /** {@code reply} is what the client gets and what is stored with its key: encoded once, here. */
  static NewPayment of(String clientId, String key, byte[] fingerprint, CreatePaymentRequest request,
      Payment payment, String eventType, LocalDate day, Instant at) {
    return new NewPayment(clientId, key, fingerprint, request, payment, eventType, day, at,
        Reply.created(payment.toJson().encode()));
  }

  /** The event its creation appends (created, or scheduled for a future date). */
  JsonObject event() {
    return PaymentEvents.of(payment, eventType);
  }
}
