package dev.billpay.accounts;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An account's validation as the API shows it: its status, the method of the latest attempt, why it
 * failed and when it succeeded.
 */
public record Verification(VerificationStatus status, VerificationMethod method, String failureReason,
    Instant verifiedAt) {
  public static final Verification NONE = new Verification(VerificationStatus.UNVERIFIED, null, null, null);

  JsonObject toJson() {
    return new JsonObject()
        .put("status", status.wire())
        .put("method", method == null ? null : method.wire())
        .put("failure_reason", failureReason)
        .put("verified_at", verifiedAt == null ? null : verifiedAt.toString());
  }
}
