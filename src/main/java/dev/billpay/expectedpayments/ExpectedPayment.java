package dev.billpay.expectedpayments;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An expected payment as stored, without its counterparty's account number (only its last four). An exact amount
 * is a range of one value; {@code exactAmount} keeps how the client asked for it.
 *
 * @param counterpartyName null when not given
 * @param counterpartyLast4 null when no account was given
 * @param reference the remittance reference, null when none
 * @param metadata the client's string map, never null
 * @param version the number of changes so far (1 at creation): the version in its events' ids
 */
public record ExpectedPayment(
    String id,
    String clientId,
    Direction direction,
    boolean exactAmount,
    long minMinor,
    long maxMinor,
    String currency,
    LocalDate windowStart,
    LocalDate windowEnd,
    String counterpartyName,
    String counterpartyLast4,
    String reference,
    JsonObject metadata,
    ExpectedPaymentStatus status,
    long reconciledMinor,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  /** The resource as the API shows it, with the transactions that reconciled it. */
  public JsonObject toJson(List<MatchedTransaction> transactions) {
    JsonArray matched = new JsonArray();
    transactions.forEach(t -> matched.add(t.toJson()));
    JsonObject counterparty = counterpartyName == null && counterpartyLast4 == null ? null
        : new JsonObject().put("name", counterpartyName).put("account_last4", counterpartyLast4);
    return new JsonObject()
        .put("id", id)
        .put("object", "expected_payment")
        .put("direction", direction.wire())
        .put("amount_minor", exactAmount ? minMinor : null)
        .put("amount_min_minor", minMinor)
        .put("amount_max_minor", maxMinor)
        .put("currency", currency)
        .put("date_window", new JsonObject().put("start", windowStart.toString()).put("end", windowEnd.toString()))
        .put("counterparty", counterparty)
        .put("reference", reference)
        .put("metadata", metadata.copy())
        .put("status", status.wire())
        .put("reconciled_amount_minor", reconciledMinor)
        .put("transactions", matched)
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString());
  }
}
