package dev.billpay.expectedpayments;

import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An expected payment's metadata: the client's own keys (an invoice number, a customer id) to find it by, at most
 * 20 string values, so a resource stays small in every event that carries it.
 */
final class ExpectedPaymentMetadata {
  static final int MAX_KEYS = 20;
  static final int MAX_KEY_LENGTH = 40;
  static final int MAX_VALUE_LENGTH = 500;

  private ExpectedPaymentMetadata() {}

  /** The map, or an empty one when absent; problems are added to {@code errors}. */
  static JsonObject parse(Object v, List<FieldError> errors) {
    if (v == null) {
      return new JsonObject();
    }
    if (!(v instanceof JsonObject m)) {
      errors.add(new FieldError("metadata", "must be an object of string values"));
      return new JsonObject();
    }
    if (m.size() > MAX_KEYS) {
      errors.add(new FieldError("metadata", "must have at most " + MAX_KEYS + " keys"));
    }
    for (String key : m.fieldNames()) {
      if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.matches("[\\x20-\\x7E]+")) {
        errors.add(new FieldError("metadata", "keys must be 1-" + MAX_KEY_LENGTH + " printable ASCII characters"));
      } else if (!(m.getValue(key) instanceof String s) || s.length() > MAX_VALUE_LENGTH) {
        errors.add(new FieldError("metadata." + key, "must be a string of at most " + MAX_VALUE_LENGTH
            + " characters"));
      }
    }
    return m.copy();
  }
}
