package dev.billpay.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reading and marking outbox rows; both run inside the relay's transaction. */
final class OutboxRepository {
  /**
   * Oldest first; SKIP LOCKED lets several relays share the outbox without sending a row twice at
   * once. Only the oldest unsent event of each key is claimed: while one relay holds a payment's
   * event, another cannot send that payment's next one ahead of it (the next batch takes it, once
   * the first is acknowledged and marked).
   */
  private static final String CLAIM_BATCH = """
      SELECT o.id, o.event_id, o.message_key, o.payload FROM outbox o
      WHERE o.sent_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM outbox e WHERE e.sent_at IS NULL AND e.message_key = o.message_key AND e.id < o.id)
      ORDER BY o.id LIMIT $1 FOR UPDATE OF o SKIP LOCKED""";
  private static final String MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE id = ANY($1)";
  private static final String BACKLOG = "SELECT count(*) AS backlog,"
      + " coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint AS oldest FROM outbox WHERE sent_at IS NULL";
  private static final String PURGE_SENT =
      "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(hours => $1)";

  public record OutboxRow(long id, String eventId, String key, String payload) {}

  private OutboxRepository() {}

  static Future<List<OutboxRow>> claim(SqlConnection conn, int limit) {
    return conn.preparedQuery(CLAIM_BATCH).execute(Tuple.of(limit)).map(rows -> {
      List<OutboxRow> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new OutboxRow(r.getLong("id"), r.getString("event_id"), r.getString("message_key"),
            r.getString("payload")));
      }
      return out;
    });
  }

  /** {backlog, age in seconds of the oldest unsent row}. */
  static Future<long[]> backlog(io.vertx.sqlclient.Pool pool) {
    return pool.query(BACKLOG).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new long[] {r.getLong("backlog"), r.getLong("oldest")};
    });
  }

  static Future<Integer> purgeSent(io.vertx.sqlclient.Pool pool, int retentionHours) {
    return pool.preparedQuery(PURGE_SENT).execute(Tuple.of(retentionHours)).map(r -> r.rowCount());
  }

  static Future<Void> markSent(SqlConnection conn, List<OutboxRow> rows) {
    Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
    return conn.preparedQuery(MARK_SENT).execute(Tuple.of(ids)).mapEmpty();
  }
}
