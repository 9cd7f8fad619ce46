package dev.billpay.clearing;

import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A submitted payment that no return has reached within the settlement window (banking days after
 * its effective date) is settled, if its file reached the bank; the file is settled once none of its
 * payments awaits settlement any more. A file whose hand-over is unknown settles only by the bank's
 * statement. Statement matches settle earlier.
 */
public final class SettlementSweep {
  private static final int BATCH = 500;

  private final Pool pool;
  private final PaymentTransitions transitions;
  private final BankingCalendar calendar;
  private final ZoneId zone;
  private final int settlementDays;

  public SettlementSweep(Pool pool, PaymentTransitions transitions, BankingCalendar calendar, ZoneId zone,
      int settlementDays) {
    this.pool = pool;
    this.transitions = transitions;
    this.calendar = calendar;
    this.zone = zone;
    this.settlementDays = settlementDays;
  }

  /** The latest effective date whose window has passed by {@code today}. */
  LocalDate settledThrough(LocalDate today) {
    LocalDate effective = today;
    while (calendar.plusBankingDays(effective, settlementDays).isAfter(today)) {
      effective = effective.minusDays(1);
    }
    return effective;
  }

  /** Settles one batch; answers how many payments. */
  public Future<Integer> run(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    LocalDate through = settledThrough(LocalDate.ofInstant(at, zone));
    return pool.withTransaction(conn -> ClearingRepository.transmittedThrough(conn, through).compose(files ->
        files.isEmpty() ? Future.succeededFuture(0) : settle(conn, files, at)));
  }

  private Future<Integer> settle(SqlConnection conn, List<String> files, Instant at) {
    return PaymentQueries.submittedInFiles(conn, files, BATCH).compose(due ->
        transitions.applyAll(conn, due, PaymentStatus.SETTLED, at)
            .compose(v -> PaymentQueries.filesAwaitingSettlement(conn, files))
            .compose(outstanding -> ClearingRepository.settleTransmitted(conn,
                files.stream().filter(f -> !outstanding.contains(f)).toList(), at))
            .map(due.size()));
  }
}
