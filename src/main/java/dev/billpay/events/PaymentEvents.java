package dev.billpay.events;

/**
 * The two names the consumers of payment events (the history projector, the webhook dispatcher) read
 * from them, under the name they read them by. They are {@link EventTypes#PAYMENT_PREFIX} and {@link
 * CloudEvents#CLIENT_ID_ATTRIBUTE}; the events themselves are built by {@code payments.PaymentEvents},
 * since this package knows nothing of payments.
 */
public final class PaymentEvents {
  public static final String TYPE_PREFIX = EventTypes.PAYMENT_PREFIX;
  public static final String CLIENT_ID_ATTRIBUTE = CloudEvents.CLIENT_ID_ATTRIBUTE;

  private PaymentEvents() {}
}
