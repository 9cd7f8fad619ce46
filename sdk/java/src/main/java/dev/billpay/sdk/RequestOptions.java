package dev.billpay.sdk;

/**
 * Per-call options. Without an idempotency key the client makes one (a random UUID) for each call of an
 * operation that takes one, and sends that same key on every retry of the call; give your own to make a
 * call repeatable across processes (e.g. derived from your order id).
 *
 * @param idempotencyKey the Idempotency-Key to send, or null for a new one per call
 * @param requestId the X-Request-Id to send, or null to let the gateway assign one
 */
public record RequestOptions(String idempotencyKey, String requestId) {
  private static final RequestOptions NONE = new RequestOptions(null, null);

  public static RequestOptions none() {
    return NONE;
  }

  public static RequestOptions idempotencyKey(String key) {
    return new RequestOptions(key, null);
  }

  public RequestOptions withIdempotencyKey(String key) {
    return new RequestOptions(key, requestId);
  }

  public RequestOptions withRequestId(String id) {
    return new RequestOptions(idempotencyKey, id);
  }
}
