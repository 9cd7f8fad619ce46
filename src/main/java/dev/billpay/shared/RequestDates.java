package dev.billpay.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Calendar dates in request bodies: ISO 8601 {@code YYYY-MM-DD} only, each problem named by its field. */
public final class RequestDates {
  private RequestDates() {}

  /** The date, or null with no error when absent, or null with an error naming the field when malformed. */
  public static LocalDate optional(Object value, String field, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        // a well-shaped impossible date (2026-02-30): reported below
      }
    }
    errors.add(new FieldError(field, "must be a date like 2026-12-01"));
    return null;
  }
}
