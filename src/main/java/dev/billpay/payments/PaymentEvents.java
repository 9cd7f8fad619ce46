package dev.billpay.payments;

import dev.billpay.events.CloudEvents;
import dev.billpay.events.EventTypes;
import io.vertx.core.json.JsonObject;

/**
 * The events of payment state changes: the {@link CloudEvents} envelope with the payment, as the API
 * shows it, as data. The version in the event id is the payment's transition sequence. Only the
 * payments package mints them: {@link PaymentTransitions} for every change of state, {@link
 * NewPayment} for a payment's creation.
 */
public final class PaymentEvents {
  public static final String SOURCE = "/billpay-gateway/payments";
  public static final String TYPE_PREFIX = EventTypes.PAYMENT_PREFIX;
  /** The change that is not a state: the banks dispute the payment's return. */
  public static final String RETURN_DISPUTED = EventTypes.PAYMENT_RETURN_DISPUTED;
  /** A reinitiation of a returned debit was scheduled: the event of the new attempt. */
  public static final String RETRY_SCHEDULED = EventTypes.PAYMENT_RETRY_SCHEDULED;

  private PaymentEvents() {}

  public static String eventId(String paymentId, int version) {
    return CloudEvents.eventId(paymentId, version);
  }

  /** The event for the payment's current version; {@code change} is e.g. "created". */
  public static JsonObject of(Payment payment, String change) {
    return CloudEvents.of(SOURCE, TYPE_PREFIX + change, payment.id(), payment.version(), payment.updatedAt(),
        payment.clientId(), payment.toJson());
  }
}
