package dev.billpay.payments;

import java.util.Locale;

/** The states of SPEC section 3; the transition table arrives with the full payments API. */
public enum PaymentStatus {
  SCHEDULED, PENDING, SUBMITTED, SETTLED, RETURNED, FAILED, CANCELED, NEEDS_REVIEW;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
