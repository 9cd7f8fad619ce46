package dev.billpay.accounts;

import java.util.Optional;

/**
 * How an account is validated: a zero-dollar prenote that the receiving bank returns if the account
 * is not good; two small credits and their offsetting debit whose amounts the holder names back; or
 * a third party that answers at once.
 */
public enum VerificationMethod {
  PRENOTE("prenote"),
  MICRO_ENTRIES("micro_entries"),
  EXTERNAL("external");

  private final String wire;

  VerificationMethod(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<VerificationMethod> fromWire(String wire) {
    for (VerificationMethod method : values()) {
      if (method.wire.equals(wire)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
