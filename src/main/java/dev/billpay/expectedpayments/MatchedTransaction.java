package dev.billpay.expectedpayments;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/** A bank transaction, or the part of it, that reconciled an expected payment. */
public record MatchedTransaction(String bankFileId, String locator, long amountMinor, LocalDate valueDate,
    String bankReference, String rule, Instant matchedAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("bank_file_id", bankFileId)
        .put("locator", locator)
        .put("amount_minor", amountMinor)
        .put("value_date", valueDate.toString())
        .put("bank_reference", bankReference)
        .put("rule", rule)
        .put("matched_at", matchedAt.toString());
  }
}
