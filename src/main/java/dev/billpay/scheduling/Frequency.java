package dev.billpay.scheduling;

import java.util.Optional;

/** How often a payment plan pays, as spelled in the API. */
public enum Frequency {
  ONCE("once"),
  WEEKLY("weekly"),
  BIWEEKLY("biweekly"),
  MONTHLY("monthly");

  private final String wire;

  Frequency(String wire) {
    this.wire = wire;
  }

  /** The lower-case name used in requests, responses and storage. */
  public String wire() {
    return wire;
  }

  /** Parses the wire name exactly (lower case), so stored values have one form only. */
  public static Optional<Frequency> fromWire(String value) {
    for (Frequency frequency : values()) {
      if (frequency.wire.equals(value)) {
        return Optional.of(frequency);
      }
    }
    return Optional.empty();
  }
}
