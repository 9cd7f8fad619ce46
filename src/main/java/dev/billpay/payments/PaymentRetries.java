package dev.billpay.payments;

import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Re-presents returned debits as {@link Reinitiation} allows: in the return file's transaction, the
 * next attempt becomes a payment of its own, scheduled for a banking day a configured number of
 * banking days on, which the scheduler makes pending and the cut-off of that day clears like any
 * other. The returned payment itself never moves again, so each attempt can collect the money once.
 */
public final class PaymentRetries {
  private final PaymentTransitions transitions;
  private final BankingCalendar calendar;
  private final int delayBankingDays;

  public PaymentRetries(PaymentTransitions transitions, BankingCalendar calendar, int delayBankingDays) {
    this.transitions = transitions;
    this.calendar = calendar;
    this.delayBankingDays = delayBankingDays;
  }

  /** The reinitiation scheduled for the just returned payment, if it gets one (and it is new). */
  public Future<Optional<Payment>> afterReturn(SqlConnection conn, Payment returned, String returnCode, Instant at) {
    if (!Reinitiation.CODES.contains(returnCode) || returned.execution().attempt() >= Reinitiation.MAX_ATTEMPT) {
      return Future.succeededFuture(Optional.empty());
    }
    String first = returned.execution().retryOf() == null ? returned.id() : returned.execution().retryOf();
    Future<Optional<LocalDate>> settlement = first.equals(returned.id())
        ? Future.succeededFuture(Optional.ofNullable(returned.execution().effectiveDate()))
        : PaymentRepository.effectiveDate(conn, first);
    LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return settlement.compose(original -> {
      Optional<Reinitiation.Plan> plan = Reinitiation.plan(returnCode, returned.execution().attempt(),
          original.orElse(null), today, delayBankingDays, calendar);
      if (plan.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      LocalDate effective = plan.get().effectiveDate();
      // due at the start of its banking day (UTC, as API payments are): that day's cut-off clears it
      Payment retry = new Payment(Ids.newId("pay"), returned.clientId(), returned.fundingAccountId(),
          returned.payeeId(), returned.amount(), null, PaymentStatus.SCHEDULED, effective, 1, at, at,
          Payment.Execution.retry(first, plan.get().attempt(), effective,
              effective.atStartOfDay(ZoneOffset.UTC).toInstant()));
      return transitions.insertRetry(conn, retry, at).map(inserted -> inserted ? Optional.of(retry)
          : Optional.<Payment>empty());
    });
  }
}
