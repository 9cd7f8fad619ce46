package dev.billpay.payments;

import java.util.Locale;

/** The states of a payment, by their wire names; {@link PaymentStateMachine} says which move to which. */
public enum PaymentStatus {
  SCHEDULED, PENDING, SUBMITTED, SETTLED, RETURNED, FAILED, CANCELED, NEEDS_REVIEW;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
