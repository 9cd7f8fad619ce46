package dev.billpay.banknotifications;

import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object, noting every problem with the field's name (a nested one as
 * {@code counterparty.name}) instead of stopping at the first: the bank's developers fix them all at once.
 */
final class BodyFields {
  /** Text a bank may send in references and names: printable, no control characters. */
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]*");
  private final JsonObject object;
  private final String prefix;
  private final List<FieldError> errors;

  BodyFields(JsonObject object, String prefix, List<FieldError> errors) {
    this.object = object;
    this.prefix = prefix;
    this.errors = errors;
  }

  List<FieldError> errors() {
    return errors;
  }

  void problem(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  boolean has(String field) {
    return object.getValue(field) != null;
  }

  /** Notes every field not in {@code known}: a misspelt optional field would otherwise go unnoticed. */
  void onlyKnown(Set<String> known) {
    object.fieldNames().stream().filter(f -> !known.contains(f)).sorted().forEach(f -> problem(f, "unknown field"));
  }

  /** A string matching {@code pattern}; "" when absent and optional, null when invalid or missing. */
  String text(String field, boolean required, Pattern pattern, String rule) {
    Object value = object.getValue(field);
    if (value == null) {
      if (required) {
        problem(field, "is required");
        return null;
      }
      return "";
    }
    if (!(value instanceof String s) || !pattern.matcher(s).matches()) {
      problem(field, "must be " + rule);
      return null;
    }
    return s;
  }

  /** Free text of at most {@code max} characters, "" when absent. */
  String freeText(String field, int max) {
    Object value = object.getValue(field);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String s) || s.length() > max || !PRINTABLE.matcher(s).matches()) {
      problem(field, "must be a string of at most " + max + " printable characters");
      return null;
    }
    return s;
  }

  /** A required integer in 1..max; -1 when invalid. Decimals and strings are refused: amounts are minor units. */
  long positiveAmount(String field, long max) {
    Object value = object.getValue(field);
    if (value == null) {
      problem(field, "is required");
      return -1;
    }
    boolean integer = value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    if (!integer || ((Number) value).longValue() < 1 || new BigInteger(value.toString())
        .compareTo(BigInteger.valueOf(max)) > 0) {
      problem(field, "must be an integer amount in minor units from 1 to " + max);
      return -1;
    }
    return ((Number) value).longValue();
  }

  /** A date YYYY-MM-DD; null when absent (noted if required) or invalid. */
  LocalDate date(String field, boolean required) {
    Object value = object.getValue(field);
    if (value == null) {
      if (required) {
        problem(field, "is required");
      }
      return null;
    }
    try {
      if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      // noted below, as for any other value that is not a date
    }
    problem(field, "must be a date YYYY-MM-DD");
    return null;
  }

  /** An array of at most {@code max} strings of at most {@code maxLength} characters; empty when absent. */
  List<String> texts(String field, int max, int maxLength) {
    Object value = object.getValue(field);
    if (value == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    if (value instanceof JsonArray array && array.size() <= max) {
      for (Object item : array) {
        if (item instanceof String s && !s.isEmpty() && s.length() <= maxLength && PRINTABLE.matcher(s).matches()) {
          texts.add(s);
        }
      }
      if (texts.size() == array.size()) {
        return texts;
      }
    }
    problem(field, "must be an array of at most " + max + " non-empty strings of at most " + maxLength
        + " characters");
    return List.of();
  }

  /** The nested object's fields, or null (noted) when the value is not an object; null when absent. */
  BodyFields object(String field) {
    Object value = object.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject nested)) {
      problem(field, "must be an object");
      return null;
    }
    return new BodyFields(nested, prefix + field + ".", errors);
  }
}
