package dev.billpay.plans;

import dev.billpay.config.GatewayConfig.SchedulingConfig;
import dev.billpay.payments.Payment;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The scheduler's two jobs, each one transaction per batch, safe with any number of instances:
 * materialise plan occurrences up to the horizon as scheduled payments (unique per plan and date),
 * and move due scheduled payments to pending. Time comes in as a parameter, never from a clock here.
 */
public final class PlanScheduler {
  private final Pool pool;
  private final PaymentTransitions transitions;
  private final BankingCalendar calendar;
  private final SchedulingConfig config;

  public PlanScheduler(Pool pool, PaymentTransitions transitions, BankingCalendar calendar, SchedulingConfig config) {
    this.pool = pool;
    this.transitions = transitions;
    this.calendar = calendar;
    this.config = config;
  }

  /** Materialises one batch of plans; answers how many occurrences were created. */
  public Future<Integer> materialize(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    // the latest "today" of any zone (UTC+14) bounds every plan's horizon from above
    LocalDate claimBound = LocalDate.ofInstant(at, ZoneOffset.ofHours(14)).plusDays(config.horizonDays());
    return pool.withTransaction(conn -> PlanRepository.claimBehind(conn, claimBound, config.batchSize())
        .compose(plans -> {
          Future<Integer> total = Future.succeededFuture(0);
          for (PaymentPlan plan : plans) {
            total = total.compose(n -> materialize(conn, plan, at).map(m -> n + m));
          }
          return total;
        }));
  }

  private Future<Integer> materialize(SqlConnection conn, PaymentPlan plan, Instant at) {
    LocalDate horizon = plan.today(at).plusDays(config.horizonDays());
    LocalDate from = plan.materializedThrough() == null ? plan.recurrence().startDate()
        : plan.materializedThrough().plusDays(1);
    if (from.isAfter(horizon)) {
      // materialised through its own zone's horizon already: claimed only because the claim bound is
      // the latest "today" of any zone (UTC+14), a day ahead of most zones for part of every day
      return Future.succeededFuture(0);
    }
    List<LocalDate> dates = plan.recurrence().occurrencesBetween(from, horizon);
    boolean finished = !plan.recurrence().lastDate().isAfter(horizon);
    Future<Integer> created = Future.succeededFuture(0);
    for (LocalDate date : dates) {
      created = created.compose(n -> occurrence(conn, plan, date, at).map(inserted -> inserted ? n + 1 : n));
    }
    return created.compose(n -> PlanRepository.materialized(conn, plan.id(), finished
            ? plan.recurrence().lastDate() : horizon, finished ? "completed" : "active", at).map(n));
  }

  private Future<Boolean> occurrence(SqlConnection conn, PaymentPlan plan, LocalDate date, Instant at) {
    Payment payment = new Payment(Ids.newId("pay"), plan.clientId(), plan.fundingAccountId(), plan.payeeId(),
        plan.amount(), null, PaymentStatus.SCHEDULED, date, 1, at, at,
        Payment.Execution.of(plan.id(), plan.speed(), calendar.onOrAfter(date), plan.dueAt(date)));
    return transitions.insertOccurrence(conn, payment, at);
  }

  /** Moves one batch of due scheduled payments to pending; answers how many. */
  public Future<Integer> moveDue(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return pool.withTransaction(conn -> PaymentQueries.claimDue(conn, at, config.batchSize())
        .compose(due -> transitions.applyAll(conn, due, PaymentStatus.PENDING, at).map(due.size())));
  }

  /**
   * One scheduler run: materialises occurrences and moves due payments, each again at once while batches come
   * back full, so a backlog drains within one tick. Any number of instances may run: the claims skip each other's
   * locked rows.
   */
  public Future<Void> runUntilShort(Clock clock) {
    return materialize(clock.instant()).compose(made -> made >= config.batchSize()
        ? runUntilShort(clock) : drainDue(clock));
  }

  private Future<Void> drainDue(Clock clock) {
    return moveDue(clock.instant()).compose(moved -> moved >= config.batchSize()
        ? drainDue(clock) : Future.succeededFuture());
  }
}
