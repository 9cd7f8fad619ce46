package dev.billpay.http;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeSet;

/**
 * The Idempotency-Key header (IETF httpapi-idempotency-key-header) and the request fingerprint
 * stored with it: a retry with the same key and body replays the first answer.
 */
public final class IdempotencyKey {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private IdempotencyKey() {}

  /** The key, checked: 1-255 printable ASCII characters; missing or invalid is a 400. */
  public static String require(String header) {
    if (header == null || header.isEmpty()) {
      throw new DomainException(ProblemType.IDEMPOTENCY_KEY_MISSING,
          "Send an Idempotency-Key header (1-255 printable characters) with every POST that creates or moves money.",
          java.util.List.of(new FieldError(HEADER, "is required")));
    }
    if (header.length() > 255 || !header.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
      throw DomainException.validation(HEADER, "must be 1-255 printable ASCII characters");
    }
    return header;
  }

  /** SHA-256 of method, path and the body with object keys sorted, so formatting does not matter. */
  public static byte[] fingerprint(String method, String path, JsonObject body) {
    StringBuilder canonical = new StringBuilder(method).append(' ').append(path).append('\n');
    appendCanonical(canonical, body);
    try {
      return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void appendCanonical(StringBuilder out, Object value) {
    if (value instanceof JsonObject obj) {
      out.append('{');
      boolean first = true;
      for (String key : new TreeSet<>(obj.fieldNames())) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(Json.encode(key)).append(':');
        appendCanonical(out, obj.getValue(key));
      }
      out.append('}');
    } else if (value instanceof JsonArray arr) {
      out.append('[');
      for (int i = 0; i < arr.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendCanonical(out, arr.getValue(i));
      }
      out.append(']');
    } else {
      out.append(Json.encode(value));
    }
  }
}
