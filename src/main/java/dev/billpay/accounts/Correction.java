package dev.billpay.accounts;

import java.util.Objects;

/**
 * A correction of a US bank account's details, as a notification of change brings it: each field is
 * null when it is not corrected. {@code source} says where it came from ("noc") and {@code
 * reference} which item (the bank file and the original entry's trace number).
 */
public record Correction(String changeCode, String routingNumber, String accountNumber, String accountType,
    String source, String reference) {
  public Correction {
    Objects.requireNonNull(changeCode, "changeCode");
    Objects.requireNonNull(source, "source");
    if (routingNumber == null && accountNumber == null && accountType == null) {
      throw new IllegalArgumentException("a correction corrects something");
    }
  }

  /** Whether the account's number or routing changes, the data a verification is about. */
  public boolean changesNumberOrRouting() {
    return routingNumber != null || accountNumber != null;
  }
}
