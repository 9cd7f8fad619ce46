package dev.billpay.clearing.nacha;

import java.util.Optional;

/**
 * Batch service class codes. Our consumer debit batches are 225; a balanced batch (debits plus
 * the offsetting credit to the company's settlement account) is 200.
 */
public enum ServiceClass {
  MIXED("200"),
  CREDITS_ONLY("220"),
  DEBITS_ONLY("225");

  private final String code;

  ServiceClass(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ServiceClass> parse(String code) {
    for (ServiceClass value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Whether an entry with {@code transactionCode} may appear in a batch of this class. */
  public boolean allows(TransactionCode transactionCode) {
    return switch (this) {
      case MIXED -> true;
      case CREDITS_ONLY -> !transactionCode.isDebit();
      case DEBITS_ONLY -> transactionCode.isDebit();
    };
  }

  /** The narrowest class that allows every entry: 225 or 220 when one-sided, else 200. */
  public static ServiceClass narrowest(Iterable<TransactionCode> codes) {
    boolean debits = false;
    boolean credits = false;
    for (TransactionCode code : codes) {
      debits |= code.isDebit();
      credits |= !code.isDebit();
    }
    if (debits && !credits) {
      return DEBITS_ONLY;
    }
    return credits && !debits ? CREDITS_ONLY : MIXED;
  }
}
