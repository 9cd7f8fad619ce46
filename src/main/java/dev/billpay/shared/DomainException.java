package dev.billpay.shared;

import java.util.List;

/**
 * A refusal the client is told about: its type from the {@link ProblemType} catalogue, a detail
 * for people and the offending fields. Thrown by domain code and by the request readers alike;
 * only the HTTP edge renders it. It carries no stack trace: it is an answer, not a bug.
 */
public class DomainException extends RuntimeException {
  private final ProblemType type;
  private final List<FieldError> errors;

  public DomainException(ProblemType type, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public DomainException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public static DomainException validation(List<FieldError> errors) {
    return new DomainException(ProblemType.VALIDATION, "The request has " + errors.size() + " invalid field(s).",
        errors);
  }

  public static DomainException validation(String field, String message) {
    return validation(List.of(new FieldError(field, message)));
  }

  public static DomainException malformed(String detail) {
    return new DomainException(ProblemType.MALFORMED_REQUEST, detail);
  }

  public static DomainException notFound(String what) {
    return new DomainException(ProblemType.NOT_FOUND, what + " was not found.");
  }

  public static DomainException unauthorized() {
    return new DomainException(ProblemType.UNAUTHORIZED, "Send a valid API key as 'Authorization: Bearer bp_...'.");
  }

  public static DomainException unavailable(String dependency) {
    return new DomainException(ProblemType.DEPENDENCY_UNAVAILABLE,
        dependency + " is unavailable; retry later with the same Idempotency-Key.");
  }

  public ProblemType type() {
    return type;
  }

  public int status() {
    return type.status();
  }

  public String typeUri() {
    return type.uri();
  }

  public String title() {
    return type.title();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
