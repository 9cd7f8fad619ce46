package dev.billpay.clients;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An API key's public facts; the secret itself exists only in the answer that created it. */
public record ApiKey(String id, String clientId, String prefix, String mode, Instant createdAt, Instant revokedAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("object", "api_key").put("client_id", clientId).put("prefix", prefix)
        .put("mode", mode).put("created_at", createdAt.toString())
        .put("revoked_at", revokedAt == null ? null : revokedAt.toString());
  }
}
