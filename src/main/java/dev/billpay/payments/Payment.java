package dev.billpay.payments;

import dev.billpay.shared.Money;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/** A payment as stored; {@link #toJson()} is the resource as the API shows it. */
public record Payment(
    String id,
    String clientId,
    String fundingAccountId,
    String payeeId,
    Money amount,
    String reference,
    PaymentStatus status,
    LocalDate scheduledFor,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  public Payment withStatus(PaymentStatus next, Instant at) {
    return new Payment(id, clientId, fundingAccountId, payeeId, amount, reference, next, scheduledFor, version + 1,
        createdAt, at);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("object", "payment")
        .put("status", status.wire())
        .put("amount", amount.minor())
        .put("currency", amount.currencyCode())
        .put("funding_account_id", fundingAccountId)
        .put("payee_id", payeeId)
        .put("reference", reference)
        .put("scheduled_for", scheduledFor == null ? null : scheduledFor.toString())
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString());
  }
}
