package dev.billpay.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Appends an event to the outbox inside the caller's transaction (the state change's own). */
public final class OutboxWriter {
  private static final String APPEND =
      "INSERT INTO outbox (event_id, message_key, payload, created_at) VALUES ($1, $2, $3, $4)";

  private OutboxWriter() {}

  /** The event's id is deterministic, so appending the same change twice violates outbox.event_id. */
  public static Future<Void> append(SqlConnection conn, JsonObject cloudEvent, String key, Instant at) {
    return conn.preparedQuery(APPEND)
        .execute(Tuple.of(cloudEvent.getString("id"), key, cloudEvent.encode(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
        .mapEmpty();
  }
}
