package dev.billpay.shared;

/**
 * One offending field; {@code code} is a machine-readable reason where one exists (e.g. iban.checksum),
 * {@code suggestion} a value for the field that would fix it where one is known (e.g. the routing
 * number that replaced the one sent).
 */
public record FieldError(String field, String message, String code, String suggestion) {
  public FieldError(String field, String message) {
    this(field, message, null, null);
  }

  public FieldError(String field, String message, String code) {
    this(field, message, code, null);
  }
}
