package dev.billpay.clearing;

import dev.billpay.payments.PaymentRef;
import dev.billpay.payments.PaymentRepository;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC section 9: a submitted payment that no return has reached within the settlement window
 * (banking days after its effective date) is settled, if its file reached the bank. A file whose
 * hand-over is unknown settles only by the bank's statement. Statement matches settle earlier.
 */
public final class SettlementSweep {
  private static final String CLAIM = """
      SELECT p.id, p.client_id FROM payments p JOIN clearing_files cf ON cf.id = p.clearing_file_id
      WHERE p.status = 'submitted' AND cf.status = 'transmitted' AND cf.effective_date <= $1
      ORDER BY p.id LIMIT $2 FOR UPDATE OF p SKIP LOCKED""";
  private static final String FILES_SETTLED = """
      UPDATE clearing_files cf SET status = 'settled', settled_at = $2
      WHERE cf.status = 'transmitted' AND cf.effective_date <= $1
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.clearing_file_id = cf.id
          AND p.status IN ('submitted', 'needs_review'))""";
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
    return pool.withTransaction(conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(through, BATCH)).compose(rows -> {
      List<PaymentRef> due = new ArrayList<>();
      rows.forEach(r -> due.add(new PaymentRef(r.getString("id"), r.getString("client_id"))));
      return transitions.applyAll(conn, due, PaymentStatus.SETTLED, at)
          .compose(v -> conn.preparedQuery(FILES_SETTLED)
              .execute(Tuple.of(through, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))))
          .map(due.size());
    }));
  }
}
