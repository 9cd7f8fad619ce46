package dev.billpay.expectedpayments;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Marks overdue the expected payments whose window ended before today, with their event, once each (an overdue
 * one is never marked again). Today is the UTC date: windows are calendar dates of the bank's value dates, and
 * one date for every client keeps the rule simple to state. Any number of instances may run: each skips the rows
 * another holds, and one that a bank file import holds is marked at the next run.
 */
public final class OverdueSweep {
  private static final int BATCH = 500;
  private final Pool pool;
  private final Clock clock;

  public OverdueSweep(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Marks one batch; answers how many (a full batch means more may be due). */
  public Future<Integer> runOnce() {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return pool.withTransaction(conn -> ExpectedPaymentRepository.markOverdue(conn, today, BATCH,
            ExpectedPaymentStatusRules.NOT_YET_OVERDUE, at)
        .compose(marked -> ExpectedPaymentRepository.transactionsOf(conn, marked.stream().map(ExpectedPayment::id)
                .toList())
            .compose(transactions -> OutboxWriter.appendAll(conn, marked.stream()
                .map(p -> ExpectedPaymentEvents.of(ResourceEvents.EXPECTED_PAYMENT_OVERDUE, p,
                    transactions.get(p.id())))
                .toList(), at))
            .map(marked.size())));
  }

  /** Runs batches until one comes back short; answers how many were marked in all. */
  public Future<Integer> run() {
    return runOnce().compose(n -> n >= BATCH ? run().map(m -> n + m) : Future.succeededFuture(n));
  }

}
