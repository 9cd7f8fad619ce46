package dev.billpay.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends an event to the outbox inside the caller's transaction (the state change's own), and
 * wakes this process's relays once that transaction commits.
 */
public final class OutboxWriter {
  private static final String APPEND =
      "INSERT INTO outbox (event_id, message_key, payload, created_at) VALUES ($1, $2, $3, $4)";

  private OutboxWriter() {}

  /** One event to append and its Kafka key. */
  public record Pending(JsonObject cloudEvent, String key) {}

  /** Appends many events in one batched statement (the clearing engine marks thousands of payments at once). */
  public static Future<Void> appendAll(SqlConnection conn, java.util.List<Pending> events, Instant at) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    java.util.List<Tuple> rows = new java.util.ArrayList<>(events.size());
    for (Pending e : events) {
      rows.add(Tuple.of(e.cloudEvent().getString("id"), e.key(), e.cloudEvent().encode(), when));
    }
    return conn.preparedQuery(APPEND).executeBatch(rows).<Void>mapEmpty()
        .onSuccess(v -> OutboxCommits.signalAfterCommit(conn));
  }

  /** The event's id is deterministic, so appending the same change twice violates outbox.event_id. */
  public static Future<Void> append(SqlConnection conn, JsonObject cloudEvent, String key, Instant at) {
    return conn.preparedQuery(APPEND)
        .execute(Tuple.of(cloudEvent.getString("id"), key, cloudEvent.encode(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
        .<Void>mapEmpty()
        .onSuccess(v -> OutboxCommits.signalAfterCommit(conn));
  }
}
