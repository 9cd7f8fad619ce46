package dev.billpay.accounts;

import dev.billpay.crypto.AccountNumberCipher;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A payer's bank account. The full account number / IBAN never leaves the repository in clear. */
public record FundingAccount(
    String id,
    String clientId,
    String type,
    String holderName,
    String routingNumber,
    String accountType,
    String country,
    String last4,
    String status,
    String blockedReason,
    Instant createdAt,
    Instant updatedAt,
    Verification verification) {

  public static final String US = "us_bank_account";
  public static final String IBAN = "iban";

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("object", "funding_account")
        .put("type", type)
        .put("holder_name", holderName)
        .put("status", status)
        .put("blocked_reason", blockedReason)
        .put("verification", verification.toJson());
    if (US.equals(type)) {
      json.put("routing_number", routingNumber)
          .put("account_type", accountType)
          .put("account_number_last4", last4)
          .put("account_number_masked", AccountNumberCipher.mask(last4));
    } else {
      json.put("country", country)
          .put("iban_last4", last4)
          .put("iban_masked", country + "\u2022\u2022" + AccountNumberCipher.mask(last4));
    }
    return json.put("created_at", createdAt.toString()).put("updated_at", updatedAt.toString());
  }
}
