package dev.billpay.events;

import dev.billpay.payments.Payment;
import io.vertx.core.json.JsonObject;

/**
 * CloudEvents 1.0 structured JSON for payment state changes. The event id is derived from the
 * payment id and its version (transition sequence), so a replay can never mint a second event for
 * the same change, and consumers deduplicate by it.
 */
public final class PaymentEvents {
  public static final String SOURCE = "/billpay-gateway/payments";
  public static final String TYPE_PREFIX = "billpay.payment.";
  /** CloudEvents extension attribute naming the owning API client (for tenant-scoped history). */
  public static final String CLIENT_ID_ATTRIBUTE = "clientid";

  private PaymentEvents() {}

  public static String eventId(String paymentId, int version) {
    return "evt_" + paymentId.substring(paymentId.indexOf('_') + 1) + "_" + String.format("%04d", version);
  }

  /** The event for the payment's current version; {@code change} is e.g. "created". */
  public static JsonObject of(Payment payment, String change) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", eventId(payment.id(), payment.version()))
        .put("source", SOURCE)
        .put("type", TYPE_PREFIX + change)
        .put("subject", payment.id())
        .put("time", payment.updatedAt().toString())
        .put("datacontenttype", "application/json")
        .put(CLIENT_ID_ATTRIBUTE, payment.clientId())
        .put("data", payment.toJson());
  }
}
