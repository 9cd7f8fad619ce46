package dev.billpay.webhooks;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Deliveries (one per endpoint and event) and their attempts, in PostgreSQL. */
public final class WebhookDeliveryRepository {
  /**
   * Fans an event out to the client's matching endpoints. The delivery id is derived from the (time-ordered)
   * event id and the endpoint, so a re-read event adds nothing and ids sort by event.
   */
  private static final String ENQUEUE = """
      INSERT INTO webhook_deliveries (id, endpoint_id, client_id, event_id, event_type, payload, status, attempts,
        next_attempt_at, created_at, updated_at)
      SELECT 'whd_' || substr($2, 5) || '_' || substr(md5(e.id), 1, 10), e.id, $1, $2, $3, $4, 'pending', 0, $5, $5, $5
      FROM webhook_endpoints e
      WHERE e.client_id = $1 AND e.enabled AND e.deleted_at IS NULL AND e.created_at <= $6
        AND ($3 = ANY(e.event_types) OR '*' = ANY(e.event_types))
        AND e.id <> $7
      ON CONFLICT (endpoint_id, event_id) DO NOTHING""";
  /**
   * Claims due deliveries by leasing them (next_attempt_at moves past the HTTP timeout), so the
   * sends happen outside any transaction; a crash mid-send lets the lease expire and the delivery
   * is retried. Endpoints already at their concurrency bound here are skipped.
   */
  private static final String CLAIM = """
      UPDATE webhook_deliveries d SET next_attempt_at = $3, updated_at = $4
      WHERE d.id IN (SELECT id FROM webhook_deliveries
                     WHERE status = 'pending' AND next_attempt_at <= $4 AND endpoint_id <> ALL($2)
                     ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.endpoint_id, d.event_id, d.payload, d.attempts""";
  private static final String FINISH = """
      UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_status_code = $5,
        last_error = $6, updated_at = $7 WHERE id = $1""";
  private static final String ATTEMPT = """
      INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, latency_ms, response_snippet, error)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  private static final String LIST = """
      SELECT id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, created_at,
        updated_at FROM webhook_deliveries WHERE endpoint_id = $1 AND ($2::text IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3""";
  private static final String REDELIVER = """
      UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3, updated_at = $3
      WHERE client_id = $1 AND event_id = $2""";

  /** A leased delivery. */
  public record Claimed(String id, String endpointId, String eventId, String payload, int attempts) {}

  /** One send's outcome. */
  public record Outcome(Integer statusCode, int latencyMs, String snippet, String error) {
    public boolean succeeded() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  private final Pool pool;

  public WebhookDeliveryRepository(Pool pool) {
    this.pool = pool;
  }

  /** One event of a polled batch, to fan out. */
  public record Incoming(String clientId, JsonObject event, Instant happened) {}

  /**
   * An endpoint gets the events that happened after it was created, not the history before it, and
   * not the events about itself (a failing endpoint would otherwise be sent the news that it fails).
   * A whole polled batch goes in one round trip; answers how many deliveries were queued.
   */
  public Future<Integer> enqueueAll(List<Incoming> events, Instant now) {
    if (events.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Tuple> rows = new ArrayList<>(events.size());
    for (Incoming e : events) {
      rows.add(Tuple.of(e.clientId(), e.event().getString("id"), e.event().getString("type"), e.event().encode(),
          utc(now), utc(e.happened()), String.valueOf(e.event().getString("subject"))));
    }
    return pool.preparedQuery(ENQUEUE).executeBatch(rows).map(result -> {
      int queued = 0;
      for (var rs = result; rs != null; rs = rs.next()) {
        queued += rs.rowCount();
      }
      return queued;
    });
  }

  public Future<List<Claimed>> claim(int limit, List<String> busyEndpoints, Instant leaseUntil, Instant now) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, busyEndpoints.toArray(String[]::new), utc(leaseUntil),
        utc(now))).map(rows -> {
          List<Claimed> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Claimed(r.getString("id"), r.getString("endpoint_id"), r.getString("event_id"),
              r.getString("payload"), r.getInteger("attempts"))));
          return out;
        });
  }

  /** Records the attempt and the delivery's new state in one transaction; flags the endpoint after the last failure. */
  public Future<Void> record(Claimed d, Outcome outcome, String status, Instant nextAttempt, Instant now) {
    int attempt = d.attempts() + 1;
    return pool.withTransaction(conn -> conn.preparedQuery(ATTEMPT).execute(Tuple.of(d.id(), attempt, utc(now),
            outcome.statusCode(), outcome.latencyMs(), outcome.snippet(), outcome.error()))
        .compose(v -> conn.preparedQuery(FINISH).execute(Tuple.of(d.id(), status, attempt,
            nextAttempt == null ? null : utc(nextAttempt), outcome.statusCode(), outcome.error(), utc(now))))
        .compose(v -> "failed".equals(status)
            ? flagFailing(conn, d.endpointId(), now)
            : Future.succeededFuture()))
        .mapEmpty();
  }

  private static Future<Void> flagFailing(SqlConnection conn, String endpointId, Instant now) {
    return WebhookEndpointRepository.flagFailing(conn, endpointId, now).compose(flagged -> flagged
        .map(v -> OutboxWriter.append(conn, WebhookService.event(ResourceEvents.WEBHOOK_ENDPOINT_FAILING, v, now),
            endpointId, now))
        .orElse(Future.succeededFuture()));
  }

  /** Marks a delivery whose endpoint was disabled or deleted since it was queued. */
  public Future<Void> skip(Claimed d, String reason, Instant now) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(d.id(), "skipped", d.attempts(), null, null, reason, utc(now)))
        .mapEmpty();
  }

  public Future<List<JsonObject>> list(String endpointId, String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST).execute(Tuple.of(endpointId, startingAfter, limitPlusOne)).map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      for (Row r : rows) {
        OffsetDateTime next = r.getOffsetDateTime("next_attempt_at");
        out.add(new JsonObject().put("id", r.getString("id")).put("object", "webhook_delivery")
            .put("event_id", r.getString("event_id")).put("event_type", r.getString("event_type"))
            .put("status", r.getString("status")).put("attempts", r.getInteger("attempts"))
            .put("next_attempt_at", next == null ? null : next.toInstant().toString())
            .put("last_status_code", r.getInteger("last_status_code")).put("last_error", r.getString("last_error"))
            .put("created_at", r.getOffsetDateTime("created_at").toInstant().toString())
            .put("updated_at", r.getOffsetDateTime("updated_at").toInstant().toString()));
      }
      return out;
    });
  }

  /** Queues every delivery of the client's event again; answers how many. */
  public Future<Integer> redeliver(String clientId, String eventId, Instant now) {
    return pool.preparedQuery(REDELIVER).execute(Tuple.of(clientId, eventId, utc(now))).map(r -> r.rowCount());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
