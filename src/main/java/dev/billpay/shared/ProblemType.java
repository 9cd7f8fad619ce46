package dev.billpay.shared;

/**
 * Every kind of failure a client can see, in one catalogue: a stable type (the last segment of its
 * problem URI), the status it answers with and its title. Domain code names a type; only the HTTP
 * edge turns it into application/problem+json, so a type's wire form is defined once.
 */
public enum ProblemType {
  VALIDATION(400, "validation", "Invalid request"),
  MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
  IDEMPOTENCY_KEY_MISSING(400, "idempotency-key-missing", "Idempotency-Key required"),
  UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  ALREADY_RESOLVED(409, "already-resolved", "Already resolved"),
  /** Only a clearing file not yet handed over ({@code created}) can be cancelled. */
  CLEARING_FILE_NOT_CANCELLABLE(409, "clearing-file-not-cancellable", "Clearing file cannot be cancelled"),
  /** Only a clearing file whose hand-over outcome is unknown can be sent again. */
  CLEARING_FILE_NOT_RETRANSMITTABLE(409, "clearing-file-not-retransmittable", "Clearing file cannot be sent again"),
  DUPLICATE_REFERENCE(409, "duplicate-reference", "Duplicate reference"),
  IDEMPOTENCY_KEY_IN_FLIGHT(409, "idempotency-key-in-flight", "Request in flight"),
  ILLEGAL_TRANSITION(409, "illegal-transition", "Not allowed in this state"),
  /** Starting or answering an account verification that its current state does not allow. */
  VERIFICATION_STATE_CONFLICT(409, "verification-state-conflict", "Verification not allowed in this state"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
  /** The request line or headers are too long: 414 or 431, decided where the request is decoded. */
  REQUEST_TOO_LARGE(431, "request-too-large", "Request too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  AMOUNT_LIMIT_EXCEEDED(422, "amount-limit-exceeded", "Amount above the limit"),
  BANK_ACCOUNT_INVALID(422, "bank-account-invalid", "Invalid bank account"),
  BANK_FILE_INVALID(422, "bank-file-invalid", "Bank file rejected"),
  /** A well-formed NACHA file with no return or NOC in it: an origination file, e.g. our own. */
  BANK_FILE_NOT_A_RETURN(422, "bank-file-not-a-return", "Not a return or NOC file"),
  DAILY_LIMIT_EXCEEDED(422, "daily-limit-exceeded", "Daily limit exceeded"),
  FUNDING_ACCOUNT_BLOCKED(422, "funding-account-blocked", "Funding account blocked"),
  /** A debit from an account that is not verified, while payments.require-verified-account is on. */
  FUNDING_ACCOUNT_NOT_VERIFIED(422, "funding-account-not-verified", "Funding account not verified"),
  VERIFICATION_AMOUNTS_MISMATCH(422, "verification-amounts-mismatch", "Verification amounts do not match"),
  /** A method the account or this gateway cannot use: an IBAN by ACH, or no external verifier configured. */
  VERIFICATION_METHOD_UNAVAILABLE(422, "verification-method-unavailable", "Verification method unavailable"),
  /** A well-formed account at a bank that the FedACH participant directory does not list. */
  ROUTING_NUMBER_NOT_ACH_PARTICIPANT(422, "routing-number-not-ach-participant", "Bank not reachable by ACH"),
  /** The routing directory file does not load; the directory in use stays as it was. */
  ROUTING_DIRECTORY_INVALID(422, "routing-directory-invalid", "Routing directory rejected"),
  /** The client's return rate is over a threshold and new debits are paused (returns.pause-debits-over-threshold). */
  RETURN_RATE_EXCEEDED(422, "return-rate-exceeded", "Return rate over threshold"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused"),
  /** A same-day ACH payment above the same-day per-entry limit (Nacha's $1,000,000 by default). */
  SAME_DAY_LIMIT_EXCEEDED(422, "same-day-limit-exceeded", "Amount above the same-day ACH limit"),
  /** A same-day payment due today asked for after the day's last same-day window, where that is refused. */
  SAME_DAY_WINDOW_MISSED(422, "same-day-window-missed", "No same-day ACH window left today"),
  UNKNOWN_REFERENCE(422, "unknown-reference", "Unknown funding account or payee"),
  WEBHOOK_TARGET_REFUSED(422, "webhook-target-refused", "Webhook target refused"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  /** Any other refusal of the request by the HTTP layer, with the status it had there. */
  CLIENT_ERROR(400, "client-error", "Bad request"),
  INTERNAL(500, "internal", "Internal error"),
  DEPENDENCY_UNAVAILABLE(503, "dependency-unavailable", "Service unavailable"),
  /**
   * A bank notification without a valid Standard Webhooks signature of a configured bank within the timestamp
   * tolerance: missing headers, unknown bank, wrong secret, altered body, or a replay of an old message.
   */
  BANK_NOTIFICATION_SIGNATURE_INVALID(401, "bank-notification-signature-invalid",
      "Bank notification signature invalid"),
  /** A bank notification id already received with another body: a bank's retry repeats its message exactly. */
  BANK_NOTIFICATION_ID_REUSED(409, "bank-notification-id-reused", "Bank notification id reused"),
  /** A signed bank notification whose body is not one this gateway applies; errors name the fields. */
  BANK_NOTIFICATION_INVALID(422, "bank-notification-invalid", "Bank notification rejected");

  /** Every type's URI starts with this; the slug follows. */
  public static final String URI_BASE = "https://billpay-gateway.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String uri() {
    return URI_BASE + slug;
  }

  public String title() {
    return title;
  }
}
