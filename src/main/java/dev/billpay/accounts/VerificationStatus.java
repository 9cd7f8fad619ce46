package dev.billpay.accounts;

/**
 * Where an account stands in its validation before debits: the Nacha WEB Debit Account Validation
 * Rule asks an originator to validate an account before its first WEB debit and again when the
 * account number changes.
 */
public enum VerificationStatus {
  UNVERIFIED("unverified"),
  VERIFICATION_PENDING("verification_pending"),
  VERIFIED("verified"),
  VERIFICATION_FAILED("verification_failed");

  private final String wire;

  VerificationStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static VerificationStatus fromWire(String wire) {
    for (VerificationStatus status : values()) {
      if (status.wire.equals(wire)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown verification status: " + wire);
  }
}
