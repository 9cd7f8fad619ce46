package dev.billpay.accounts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Decides the verifications whose day came with nothing deciding them before: a prenote that no return
 * or notification of change followed is verified; micro-entries nobody named have expired. Any number
 * of instances may run: each skips the rows another holds.
 */
public final class VerificationSweep {
  private static final int BATCH = 200;
  private final Pool pool;
  private final Clock clock;

  public VerificationSweep(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Decides one batch; the number decided (a full batch means more may be due). */
  public Future<Integer> runOnce() {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
    return pool.withTransaction(conn -> AccountVerificationRepository.lockDueForDecision(conn, today, BATCH)
        .compose(due -> {
          Future<Void> chain = Future.succeededFuture();
          for (AccountVerification v : due) {
            chain = chain.compose(x -> (v.method() == VerificationMethod.PRENOTE
                ? VerificationTransitions.verifyAttempt(conn, v, v.attempts(), at)
                : VerificationTransitions.failAttempt(conn, v, v.attempts(), "the micro-entries expired unverified",
                    at)).mapEmpty());
          }
          return chain.map(due.size());
        }));
  }

  /** Runs batches until one comes back short. */
  public Future<Integer> run() {
    return runOnce().compose(n -> n >= BATCH ? run().map(m -> n + m) : Future.succeededFuture(n));
  }
}
