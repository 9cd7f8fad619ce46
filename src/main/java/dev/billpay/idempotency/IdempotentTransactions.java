package dev.billpay.idempotency;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Runs a POST's effect in one transaction with its idempotency record: the key is
 * claimed first, the effect runs, and the answer is stored before commit. A concurrent request with
 * the same key waits on the claimed row, then replays the stored answer; one that waits too long
 * gets 409 in-flight. A failed effect rolls the claim back, so the key can be retried.
 */
public final class IdempotentTransactions {
  private static final String CLAIM = """
      INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status, response_body, created_at)
      VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT (client_id, idempotency_key) DO NOTHING""";
  private static final String COMPLETE = """
      UPDATE idempotency_keys SET response_status = $3, response_body = $4
      WHERE client_id = $1 AND idempotency_key = $2""";
  /** The coalesced write path knows its answer before it writes, so it stores the record complete. */
  private static final String CLAIM_COMPLETED = """
      INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response_status, response_body, created_at)
      VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (client_id, idempotency_key) DO NOTHING""";
  private static final String FIND = """
      SELECT fingerprint, response_status, response_body FROM idempotency_keys
      WHERE client_id = $1 AND idempotency_key = $2""";
  private static final String PURGE = "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)";
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  /** What to answer: status and JSON body, and whether it is a replay of a stored answer. */
  public record Reply(int status, String body, boolean replayed) {
    /** A resource the request created (201). */
    public static Reply created(String body) {
      return new Reply(201, body, false);
    }

    /** The resource as the request left it (200). */
    public static Reply ok(String body) {
      return new Reply(200, body, false);
    }
  }

  private final Pool pool;

  public IdempotentTransactions(Pool pool) {
    this.pool = pool;
  }

  public Future<Reply> run(String clientId, String key, byte[] fingerprint, java.time.Instant now,
      Function<SqlConnection, Future<Reply>> effect) {
    return pool.<Reply>withTransaction(conn -> conn.query("SET LOCAL lock_timeout = '10s'").execute()
            .compose(v -> conn.preparedQuery(CLAIM).execute(Tuple.of(clientId, key, Buffer.buffer(fingerprint),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
            .compose(claimed -> claimed.rowCount() == 0 ? Future.succeededFuture(null)
                : effect.apply(conn).compose(reply -> conn.preparedQuery(COMPLETE)
                    .execute(Tuple.of(clientId, key, reply.status(), reply.body())).map(reply))))
        .recover(IdempotentTransactions::inFlight)
        .compose(reply -> reply != null ? Future.succeededFuture(reply) : replay(clientId, key, fingerprint));
  }

  /** A key to claim with the answer its request will get if the transaction commits. */
  public record CompletedClaim(String clientId, String key, byte[] fingerprint, java.time.Instant at, Reply reply) {}

  /**
   * Claims many keys in the caller's transaction, each stored with its final answer, in one round
   * trip; answers per claim whether it was new. A key already taken (or being taken by another
   * transaction, which this waits for) is not claimed: its request is a {@link #replay}. Callers
   * order the claims, so two transactions never wait on each other's keys.
   */
  public static Future<java.util.List<Boolean>> claimCompleted(SqlConnection conn, java.util.List<CompletedClaim> claims) {
    java.util.List<Tuple> tuples = new java.util.ArrayList<>(claims.size());
    for (CompletedClaim c : claims) {
      tuples.add(Tuple.of(c.clientId(), c.key(), Buffer.buffer(c.fingerprint()), c.reply().status(), c.reply().body(),
          OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC)));
    }
    return conn.preparedQuery(CLAIM_COMPLETED).executeBatch(tuples)
        .map(first -> dev.billpay.db.BatchResults.each(first, tuples.size(), rows -> rows.rowCount() == 1));
  }

  /** Deletes records older than the retention; answers how many. */
  public Future<Integer> purgeOlderThanHours(int hours) {
    return pool.preparedQuery(PURGE).execute(Tuple.of(hours)).map(r -> r.rowCount());
  }

  /** The stored answer of a key another request already used: replayed, or 422 if the body differs. */
  public Future<Reply> replay(String clientId, String key, byte[] fingerprint) {
    return pool.preparedQuery(FIND).execute(Tuple.of(clientId, key)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        throw inFlightProblem();
      }
      var row = it.next();
      if (!MessageDigest.isEqual(row.getBuffer("fingerprint").getBytes(), fingerprint)) {
        throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used with a different request; use a new key for a new request.");
      }
      return new Reply(row.getInteger("response_status"), row.getString("response_body"), true);
    });
  }

  private static Future<Reply> inFlight(Throwable failure) {
    if (failure instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState())) {
      return Future.failedFuture(inFlightProblem());
    }
    return Future.failedFuture(failure);
  }

  private static DomainException inFlightProblem() {
    return new DomainException(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
        "A request with this Idempotency-Key is still being processed; retry shortly.");
  }
}
