package dev.billpay.webhooks;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
   * First step of a claim: locks the endpoints that have a due, unclaimed delivery and a free slot,
   * oldest due first. Another claimer working on an endpoint holds its lock, so it is skipped here
   * and left to that claimer; the free slots counted here are only a pre-filter (see CLAIM). NO KEY
   * UPDATE, not UPDATE: it must not block the dispatcher inserting deliveries (their foreign key takes
   * KEY SHARE on the endpoint).
   */
  private static final String LOCK_ENDPOINTS = """
      SELECT e.id FROM webhook_endpoints e
      JOIN (SELECT endpoint_id, min(next_attempt_at) AS due FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
            GROUP BY endpoint_id) d ON d.endpoint_id = e.id
      WHERE (SELECT count(*) FROM webhook_deliveries f WHERE f.endpoint_id = e.id AND f.claimed_until > $1) < $2::int
      ORDER BY d.due LIMIT $3::int
      FOR NO KEY UPDATE OF e SKIP LOCKED""";
  /**
   * Second step, in the same transaction: for each locked endpoint, claims at most its free slots
   * (the bound minus its deliveries under an unexpired lease, whoever holds it), oldest due first. A
   * claim leases the delivery (the send happens outside any transaction; if the process dies the
   * lease expires and the delivery is claimed again) under a fresh token that its result must match.
   * This is a statement of its own because under READ COMMITTED each statement reads a snapshot taken
   * when it starts: taken after the endpoint locks are held, it sees every claim committed by anyone
   * who held one of those locks before, and nobody else can claim for these endpoints until commit.
   */
  private static final String CLAIM = """
      WITH slots AS (
        SELECT e.id, $2::int - count(f.id) AS free
        FROM unnest($1::text[]) AS e(id)
        LEFT JOIN webhook_deliveries f ON f.endpoint_id = e.id AND f.claimed_until > $3
        GROUP BY e.id
      ), picked AS MATERIALIZED (
        SELECT x.id FROM slots s
        CROSS JOIN LATERAL (
          SELECT d.id FROM webhook_deliveries d
          WHERE d.endpoint_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= $3
            AND (d.claimed_until IS NULL OR d.claimed_until <= $3)
          ORDER BY d.next_attempt_at
          LIMIT greatest(s.free, 0)
          FOR UPDATE SKIP LOCKED) x
        LIMIT $5::int
      )
      UPDATE webhook_deliveries w SET claim_token = gen_random_uuid(), claimed_until = $4, updated_at = $3
      FROM picked WHERE w.id = picked.id
      RETURNING w.id, w.endpoint_id, w.event_id, w.payload, w.attempts, w.claim_token, w.claimed_until""";
  /** The result of an attempt, written only while the delivery is still claimed under the attempt's token. */
  private static final String FINISH = """
      UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_status_code = $5,
        last_error = $6, updated_at = $7, claim_token = NULL, claimed_until = NULL
      WHERE id = $1 AND claim_token = $8""";
  /**
   * After a stale result: a redelivery during the attempt voided its token but left its lease, so
   * that the send still counted against the endpoint's bound; the attempt is over now, so it gives
   * the slot back, unless the delivery was claimed since (then the token is set again).
   */
  private static final String RELEASE = """
      UPDATE webhook_deliveries SET claimed_until = NULL
      WHERE id = $1 AND claim_token IS NULL AND claimed_until = $2""";
  private static final String ATTEMPTS_OF = """
      SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, response_snippet, error
      FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, id""";
  private static final String ATTEMPT = """
      INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, latency_ms, response_snippet, error)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  private static final String LIST = """
      SELECT id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, created_at,
        updated_at FROM webhook_deliveries WHERE endpoint_id = $1 AND ($2::text IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3""";
  /**
   * Voids the token of an attempt in progress, so its result changes nothing; its lease stays until
   * that attempt ends (see RELEASE), so the redelivery is sent after it, within the endpoint's bound.
   */
  private static final String REDELIVER = """
      UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3, updated_at = $3,
        claim_token = NULL
      WHERE client_id = $1 AND event_id = $2""";

  /** A leased delivery: its result counts only while the delivery is still claimed under this token. */
  public record Claimed(String id, String endpointId, String eventId, String payload, int attempts,
      UUID claimToken, Instant leaseUntil) {}

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

  /**
   * Claims up to {@code limit} due deliveries, never more for an endpoint than its free slots out of
   * {@code maxPerEndpoint}, counting the deliveries being sent by any process.
   */
  public Future<List<Claimed>> claim(int limit, int maxPerEndpoint, Instant leaseUntil, Instant now) {
    // the protocol relies on a new snapshot per statement, whatever the database's default isolation
    return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").execute()
        .compose(v -> conn.preparedQuery(LOCK_ENDPOINTS).execute(Tuple.of(utc(now), maxPerEndpoint, limit)))
        .compose(locked -> {
          List<String> endpointIds = new ArrayList<>();
          locked.forEach(r -> endpointIds.add(r.getString("id")));
          return endpointIds.isEmpty() ? Future.succeededFuture(List.<Claimed>of())
              : conn.preparedQuery(CLAIM).execute(Tuple.of(endpointIds.toArray(String[]::new), maxPerEndpoint,
                  utc(now), utc(leaseUntil), limit)).map(WebhookDeliveryRepository::claimed);
        }));
  }

  private static List<Claimed> claimed(RowSet<Row> rows) {
    List<Claimed> out = new ArrayList<>();
    rows.forEach(r -> out.add(new Claimed(r.getString("id"), r.getString("endpoint_id"), r.getString("event_id"),
        r.getString("payload"), r.getInteger("attempts"), r.getUUID("claim_token"),
        r.getOffsetDateTime("claimed_until").toInstant())));
    return out;
  }

  /**
   * Records the attempt and, if the delivery is still claimed under the attempt's token, its new
   * state, in one transaction; flags the endpoint after the last failure. The attempt row is written
   * either way (the request was sent); answers whether the state was written.
   */
  public Future<Boolean> record(Claimed d, Outcome outcome, String status, Instant nextAttempt, Instant now) {
    int attempt = d.attempts() + 1;
    return pool.withTransaction(conn -> finish(conn, d, Tuple.of(d.id(), status, attempt,
            nextAttempt == null ? null : utc(nextAttempt), outcome.statusCode(), outcome.error(), utc(now),
            d.claimToken()))
        .compose(applied -> conn.preparedQuery(ATTEMPT).execute(Tuple.of(d.id(), attempt, utc(now),
                outcome.statusCode(), outcome.latencyMs(), outcome.snippet(), outcome.error()))
            .compose(v -> applied && "failed".equals(status)
                ? flagFailing(conn, d.endpointId(), now)
                : Future.<Void>succeededFuture())
            .map(applied)));
  }

  /** Writes FINISH if the claim is still current, else gives the lease back where RELEASE allows; answers which. */
  private static Future<Boolean> finish(SqlConnection conn, Claimed d, Tuple finish) {
    return conn.preparedQuery(FINISH).execute(finish).compose(rows -> rows.rowCount() == 1
        ? Future.succeededFuture(true)
        : conn.preparedQuery(RELEASE).execute(Tuple.of(d.id(), utc(d.leaseUntil()))).map(false));
  }

  private static Future<Void> flagFailing(SqlConnection conn, String endpointId, Instant now) {
    return WebhookEndpointRepository.flagFailing(conn, endpointId, now).compose(flagged -> flagged
        .map(v -> OutboxWriter.append(conn, WebhookService.event(ResourceEvents.WEBHOOK_ENDPOINT_FAILING, v, now),
            endpointId, now))
        .orElse(Future.succeededFuture()));
  }

  /**
   * Marks a delivery whose endpoint was disabled or deleted since it was queued; answers whether it
   * was still claimed (else nothing changed).
   */
  public Future<Boolean> skip(Claimed d, String reason, Instant now) {
    return pool.withTransaction(conn -> finish(conn, d, Tuple.of(d.id(), "skipped", d.attempts(), null, null, reason,
        utc(now), d.claimToken())));
  }

  /** Each listed delivery with every attempt made so far (status, latency, what the endpoint answered). */
  public Future<List<JsonObject>> list(String endpointId, String startingAfter, int limitPlusOne) {
    return deliveries(endpointId, startingAfter, limitPlusOne).compose(listed -> {
      java.util.Map<String, io.vertx.core.json.JsonArray> logs = new java.util.HashMap<>();
      listed.forEach(d -> logs.put(d.getString("id"), new io.vertx.core.json.JsonArray()));
      return pool.preparedQuery(ATTEMPTS_OF).execute(Tuple.of((Object) logs.keySet().toArray(String[]::new)))
          .map(rows -> {
            for (Row r : rows) {
              logs.get(r.getString("delivery_id")).add(new JsonObject().put("attempt", r.getInteger("attempt"))
                  .put("attempted_at", r.getOffsetDateTime("attempted_at").toInstant().toString())
                  .put("status_code", r.getInteger("status_code")).put("latency_ms", r.getInteger("latency_ms"))
                  .put("response_snippet", r.getString("response_snippet")).put("error", r.getString("error")));
            }
            listed.forEach(d -> d.put("attempt_log", logs.get(d.getString("id"))));
            return listed;
          });
    });
  }

  private Future<List<JsonObject>> deliveries(String endpointId, String startingAfter, int limitPlusOne) {
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
