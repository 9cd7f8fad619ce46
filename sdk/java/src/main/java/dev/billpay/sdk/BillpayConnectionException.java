package dev.billpay.sdk;

/**
 * No answer: the connection failed, was dropped or timed out on every attempt (or on one that could not be
 * repeated safely). For a call with an idempotency key, calling again with the same key is safe: the
 * gateway replays the first answer if the call did get through.
 */
public final class BillpayConnectionException extends BillpayException {
  private final String idempotencyKey;

  public BillpayConnectionException(String message, Throwable cause, int attempts, String idempotencyKey) {
    super(message, cause, attempts);
    this.idempotencyKey = idempotencyKey;
  }

  /** The key the attempts were sent with, to retry the call later, or null if the operation takes none. */
  public String idempotencyKey() {
    return idempotencyKey;
  }
}
