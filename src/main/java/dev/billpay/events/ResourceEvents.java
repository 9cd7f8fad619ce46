package dev.billpay.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * CloudEvents 1.0 structured JSON for state changes of resources other than payments (a funding account
 * blocked, a webhook endpoint disabled). Same envelope and id scheme as payment events: the id is the
 * resource id and its version, so the same change always has the same id, and the Kafka key is the
 * resource id, so one resource's events stay in order.
 */
public final class ResourceEvents {
  public static final String FUNDING_ACCOUNT_BLOCKED = "billpay.funding_account.blocked";
  public static final String WEBHOOK_ENDPOINT_DISABLED = "billpay.webhook_endpoint.disabled";
  public static final String WEBHOOK_ENDPOINT_FAILING = "billpay.webhook_endpoint.failing";

  private ResourceEvents() {}

  public static JsonObject of(String source, String type, String resourceId, int version, Instant time,
      String clientId, JsonObject data) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", PaymentEvents.eventId(resourceId, version))
        .put("source", source)
        .put("type", type)
        .put("subject", resourceId)
        .put("time", time.toString())
        .put("datacontenttype", "application/json")
        .put(PaymentEvents.CLIENT_ID_ATTRIBUTE, clientId)
        .put("data", data);
  }
}
