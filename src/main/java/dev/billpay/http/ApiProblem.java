package dev.billpay.http;

import java.util.List;

/**
 * A client-visible failure with a stable problem type (RFC 9457). Thrown by handlers and services,
 * turned into application/problem+json in one place ({@link ProblemHandler}).
 */
public class ApiProblem extends RuntimeException {
  public static final String TYPE_BASE = "https://billpay-gateway.dev/problems/";

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;

  /** One offending field; {@code code} is a machine-readable reason where one exists (e.g. iban.checksum). */
  public record FieldError(String field, String message, String code) {
    public FieldError(String field, String message) {
      this(field, message, null);
    }
  }

  public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public ApiProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  public static ApiProblem validation(List<FieldError> errors) {
    return new ApiProblem(400, "validation", "Invalid request",
        "The request has " + errors.size() + " invalid field(s).", errors);
  }

  public static ApiProblem validation(String field, String message) {
    return validation(List.of(new FieldError(field, message)));
  }

  public static ApiProblem malformed(String detail) {
    return new ApiProblem(400, "malformed-request", "Malformed request", detail);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(404, "not-found", "Not found", what + " was not found.");
  }

  public static ApiProblem unauthorized() {
    return new ApiProblem(401, "unauthorized", "Unauthorized",
        "Send a valid API key as 'Authorization: Bearer bp_...'.");
  }

  public static ApiProblem unavailable(String dependency) {
    return new ApiProblem(503, "dependency-unavailable", "Service unavailable",
        dependency + " is unavailable; retry later with the same Idempotency-Key.");
  }

  public int status() {
    return status;
  }

  public String typeUri() {
    return TYPE_BASE + type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
