package dev.billpay.webhooks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A subscriber's endpoint. Its secret is never part of this record's JSON except when just created or rotated. */
public record WebhookEndpoint(
    String id,
    String clientId,
    String url,
    List<String> eventTypes,
    String description,
    boolean enabled,
    String status,
    Instant createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("object", "webhook_endpoint")
        .put("url", url)
        .put("event_types", new JsonArray(eventTypes))
        .put("description", description)
        .put("enabled", enabled)
        .put("status", status)
        .put("created_at", createdAt.toString());
  }

  public boolean wants(String eventType) {
    return eventTypes.contains("*") || eventTypes.contains(eventType);
  }
}
