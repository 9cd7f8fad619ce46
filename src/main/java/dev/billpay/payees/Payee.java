package dev.billpay.payees;

import dev.billpay.crypto.AccountNumberCipher;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Who gets paid: a biller account with a display name. Deleted payees stay for history. */
public record Payee(
    String id, String clientId, String displayName, String billerId, String accountLast4, String status,
    Instant createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("object", "payee")
        .put("display_name", displayName)
        .put("biller_id", billerId)
        .put("account_number_masked", AccountNumberCipher.mask(accountLast4))
        .put("status", status)
        .put("created_at", createdAt.toString());
  }
}
