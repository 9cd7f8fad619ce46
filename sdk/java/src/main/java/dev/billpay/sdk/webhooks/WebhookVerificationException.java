package dev.billpay.sdk.webhooks;

/** A webhook request that is not a genuine, recent delivery from the gateway: answer it 401 and do nothing. */
public final class WebhookVerificationException extends RuntimeException {
  /** Why the request was refused. */
  public enum Reason {
    MISSING_HEADER,
    BAD_TIMESTAMP,
    TIMESTAMP_OUT_OF_TOLERANCE,
    NO_MATCHING_SIGNATURE,
    NOT_AN_EVENT
  }

  private final Reason reason;

  WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
