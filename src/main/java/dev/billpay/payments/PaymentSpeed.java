package dev.billpay.payments;

import java.util.Optional;

/**
 * How fast a payment is to settle: {@code standard} ACH (effective the banking day after the cut-off
 * that sends it) or {@code same_day} ACH (effective the day it is sent, in a same-day window).
 */
public enum PaymentSpeed {
  STANDARD("standard"),
  SAME_DAY("same_day");

  private final String wire;

  PaymentSpeed(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<PaymentSpeed> parse(String wire) {
    for (PaymentSpeed s : values()) {
      if (s.wire.equals(wire)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public static PaymentSpeed fromWire(String wire) {
    return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown speed " + wire));
  }
}
