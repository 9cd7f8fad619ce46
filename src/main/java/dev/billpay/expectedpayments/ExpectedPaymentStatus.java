package dev.billpay.expectedpayments;

import java.util.Arrays;
import java.util.Optional;

/** Where an expected payment stands; {@link ExpectedPaymentStatusRules} decides every change. */
public enum ExpectedPaymentStatus {
  UNRECONCILED,
  PARTIALLY_RECONCILED,
  RECONCILED,
  OVERDUE,
  ARCHIVED;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<ExpectedPaymentStatus> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }
}
