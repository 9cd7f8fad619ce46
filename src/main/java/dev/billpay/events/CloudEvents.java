package dev.billpay.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The one CloudEvents 1.0 envelope (structured JSON) of every event the gateway emits, payments and
 * other resources alike. The id is derived from the resource id and its version (the number of its
 * changes), so the same change always has the same id, a replay cannot mint a second event for it,
 * and consumers deduplicate by it. The attributes are put in one fixed order: the encoded bytes of
 * an event never depend on who built it.
 */
public final class CloudEvents {
  public static final String SPEC_VERSION = "1.0";
  /** CloudEvents extension attribute naming the owning API client (for tenant-scoped history). */
  public static final String CLIENT_ID_ATTRIBUTE = "clientid";
  private static final String CONTENT_TYPE = "application/json";

  private CloudEvents() {}

  /** {@code evt_} + the resource id without its type prefix + {@code _} + the version in four digits. */
  public static String eventId(String resourceId, int version) {
    return "evt_" + resourceId.substring(resourceId.indexOf('_') + 1) + "_" + String.format("%04d", version);
  }

  /** The event of the change that gave the resource {@code version}; its subject is the resource id. */
  public static JsonObject of(String source, String type, String resourceId, int version, Instant time,
      String clientId, JsonObject data) {
    return new JsonObject()
        .put("specversion", SPEC_VERSION)
        .put("id", eventId(resourceId, version))
        .put("source", source)
        .put("type", type)
        .put("subject", resourceId)
        .put("time", time.toString())
        .put("datacontenttype", CONTENT_TYPE)
        .put(CLIENT_ID_ATTRIBUTE, clientId)
        .put("data", data);
  }
}
