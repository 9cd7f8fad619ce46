package dev.billpay.accounts;

import io.vertx.core.Future;

/**
 * An instant third-party check that an account exists and can be debited (the "external" method):
 * services that look the account up at the bank or in a network's data answer at once, instead of
 * a prenote's banking days or the holder naming two micro-entries.
 */
public interface AccountVerifier {
  /** What the service answered: verified, or not with its reason. */
  record Answer(boolean verified, String reason) {
    public static Answer ok() {
      return new Answer(true, null);
    }

    public static Answer refused(String reason) {
      return new Answer(false, reason);
    }
  }

  /** Asks about the account; a failed future means the service could not answer (try again later). */
  Future<Answer> verify(String routingNumber, String accountNumber, String accountType, String holderName);
}
