package dev.billpay.sdk;

/** Anything the SDK throws for a call that did not succeed: a problem answer, or no answer at all. */
public class BillpayException extends RuntimeException {
  private final int attempts;

  public BillpayException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** How many times the call was sent, retries included. */
  public int attempts() {
    return attempts;
  }
}
