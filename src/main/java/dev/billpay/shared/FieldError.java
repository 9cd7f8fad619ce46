package dev.billpay.shared;

/** One offending field; {@code code} is a machine-readable reason where one exists (e.g. iban.checksum). */
public record FieldError(String field, String message, String code) {
  public FieldError(String field, String message) {
    this(field, message, null);
  }
}
