package dev.billpay.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * The one shape of every list the API answers: {@code object: "list"}, {@code data},
 * {@code has_more} and {@code next_cursor} (null on the last page). Lists fetch one item more than
 * the page holds, so {@code has_more} needs no count query.
 */
public final class ListEnvelope {
  private ListEnvelope() {}

  /** A page of {@code limit} items out of {@code fetched} (up to limit + 1); the cursor is the last shown's. */
  public static <T> JsonObject page(List<T> fetched, int limit, Function<T, JsonObject> toJson,
      Function<T, String> cursorOf) {
    boolean hasMore = fetched.size() > limit;
    List<T> shown = hasMore ? fetched.subList(0, limit) : fetched;
    JsonArray data = new JsonArray();
    shown.forEach(item -> data.add(toJson.apply(item)));
    return envelope(data, hasMore ? cursorOf.apply(shown.get(shown.size() - 1)) : null);
  }

  /** A list that is always answered whole (no further page). */
  public static JsonObject whole(JsonArray data) {
    return envelope(data, null);
  }

  private static JsonObject envelope(JsonArray data, String nextCursor) {
    return new JsonObject().put("object", "list").put("data", data).put("has_more", nextCursor != null)
        .put("next_cursor", nextCursor);
  }
}
