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
  DUPLICATE_REFERENCE(409, "duplicate-reference", "Duplicate reference"),
  IDEMPOTENCY_KEY_IN_FLIGHT(409, "idempotency-key-in-flight", "Request in flight"),
  ILLEGAL_TRANSITION(409, "illegal-transition", "Not allowed in this state"),
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
  /** The client's return rate is over a threshold and new debits are paused (returns.pause-debits-over-threshold). */
  RETURN_RATE_EXCEEDED(422, "return-rate-exceeded", "Return rate over threshold"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused"),
  UNKNOWN_REFERENCE(422, "unknown-reference", "Unknown funding account or payee"),
  WEBHOOK_TARGET_REFUSED(422, "webhook-target-refused", "Webhook target refused"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  /** Any other refusal of the request by the HTTP layer, with the status it had there. */
  CLIENT_ERROR(400, "client-error", "Bad request"),
  INTERNAL(500, "internal", "Internal error"),
  DEPENDENCY_UNAVAILABLE(503, "dependency-unavailable", "Service unavailable");

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
