package dev.billpay.http;

import dev.billpay.shared.FieldError;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Typed query parameters; a bad value becomes a field error, never an exception. */
public final class QueryParams {
  private QueryParams() {}

  /** An RFC 3339 timestamp, or null when absent. */
  public static Instant instant(MultiMap params, String name, List<FieldError> errors) {
    String v = params.get(name);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be an RFC 3339 timestamp like 2026-11-25T00:00:00Z"));
      return null;
    }
  }
}
