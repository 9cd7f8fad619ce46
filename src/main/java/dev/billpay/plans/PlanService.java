package dev.billpay.plans;

import dev.billpay.http.Pagination;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.payments.CreatePaymentRequest;
import dev.billpay.payments.DebitPolicy;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentRef;
import dev.billpay.payments.PaymentService;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.payments.SameDayRules;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Payment plans: create (validated like a payment, idempotent), pause, resume, cancel. Occurrences are
 * made by {@link PlanScheduler}; cancelling a plan cancels its scheduled occurrences in the same
 * transaction, and resuming skips (cancels) the occurrences whose date passed while it was paused.
 */
public final class PlanService {
  private final Pool pool;
  private final PlanRepository plans;
  private final PaymentTransitions transitions;
  private final IdempotentTransactions idempotency;
  private final BankingCalendar calendar;
  private final long maxAmountMinor;
  private final SameDayRules sameDay;
  private final Clock clock;
  private final DebitPolicy debits;

  /** {@code debits}: what a plan's funding account must be, as every debit's must. */
  public PlanService(Pool pool, PlanRepository plans, PaymentTransitions transitions, IdempotentTransactions idempotency,
      BankingCalendar calendar, long maxAmountMinor, SameDayRules sameDay, DebitPolicy debits, Clock clock) {
    this.sameDay = sameDay;
    this.debits = debits;
    this.pool = pool;
    this.plans = plans;
    this.transitions = transitions;
    this.idempotency = idempotency;
    this.calendar = calendar;
    this.maxAmountMinor = maxAmountMinor;
    this.clock = clock;
  }

  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreatePlanRequest req) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (req.amount().minor() > maxAmountMinor) {
      throw new DomainException(ProblemType.AMOUNT_LIMIT_EXCEEDED,
          "Each occurrence is a payment, and a single payment may not exceed " + maxAmountMinor + " minor units.",
          List.of(new FieldError("amount", "exceeds the per-payment limit of " + maxAmountMinor)));
    }
    sameDay.checkAmount(req.speed(), req.amount());
    if (req.recurrence().lastDate().isBefore(java.time.LocalDate.ofInstant(now, req.zone()))) {
      throw DomainException.validation("start_date", "the plan has no occurrence today or later in its time zone");
    }
    // a plan that starts in the past pays from today on: the dates it missed are never debited
    java.time.LocalDate today = java.time.LocalDate.ofInstant(now, req.zone());
    java.time.LocalDate skipped = req.recurrence().startDate().isBefore(today) ? today.minusDays(1) : null;
    PaymentPlan plan = new PaymentPlan(Ids.newId("plan"), clientId, req.fundingAccountId(), req.payeeId(),
        req.amount(), req.speed(), req.recurrence(), req.zone(), req.description(), "active", skipped, 1, now, now);
    CreatePaymentRequest each = new CreatePaymentRequest(req.fundingAccountId(), req.payeeId(), req.amount(), null,
        null, req.speed());
    return idempotency.run(clientId, key, fingerprint, now, conn -> PaymentService.checkReferences(conn, clientId, each,
        debits)
        .compose(v -> plans.insert(conn, plan))
        .map(v -> Reply.created(plan.toJson(now, calendar).encode())));
  }

  public Future<JsonObject> get(String clientId, String id) {
    return plans.find(clientId, id).map(p -> p.orElseThrow(() -> notFound(id)).toJson(clock.instant(), calendar));
  }

  public Future<JsonObject> list(String clientId, Pagination page) {
    Instant now = clock.instant();
    return plans.list(clientId, page.startingAfter(), page.limit() + 1)
        .map(rows -> page.page(rows, p -> p.toJson(now, calendar), PaymentPlan::id));
  }

  public Future<Reply> pause(String clientId, String key, byte[] fingerprint, String id) {
    return change(clientId, key, fingerprint, id, "paused", Set.of("active"), (conn, plan, now) ->
        Future.succeededFuture());
  }

  public Future<Reply> resume(String clientId, String key, byte[] fingerprint, String id) {
    // what fell due while paused is canceled, and what was not yet materialised is never paid
    return change(clientId, key, fingerprint, id, "active", Set.of("paused"), (conn, plan, now) ->
        cancelScheduled(conn, plan, now, now)
            .compose(v -> PlanRepository.skipThrough(conn, plan.id(), plan.today(now).minusDays(1))));
  }

  public Future<Reply> cancel(String clientId, String key, byte[] fingerprint, String id) {
    return change(clientId, key, fingerprint, id, "canceled", Set.of("active", "paused"), (conn, plan, now) ->
        cancelScheduled(conn, plan, Instant.MAX, now));
  }

  /** What else changes, in the same transaction, when a plan changes state. */
  private interface Consequence {
    Future<Void> apply(SqlConnection conn, PaymentPlan plan, Instant now);
  }

  private Future<Reply> change(String clientId, String key, byte[] fingerprint, String id, String to,
      Set<String> from, Consequence consequence) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return idempotency.run(clientId, key, fingerprint, now, conn ->
        PlanRepository.setStatus(conn, clientId, id, to, from, now).compose(changed -> {
          if (changed.isEmpty()) {
            return plans.find(conn, clientId, id).map(found -> {
              PaymentPlan current = found.orElseThrow(() -> notFound(id));
              throw new DomainException(ProblemType.ILLEGAL_TRANSITION,
                  "A " + current.status() + " plan cannot become " + to + ".");
            });
          }
          return consequence.apply(conn, changed.get(), now)
              .map(v -> Reply.ok(changed.get().toJson(now, calendar).encode()));
        }));
  }

  /** Cancels, with their events, the plan's scheduled payments due before {@code before}. */
  private Future<Void> cancelScheduled(SqlConnection conn, PaymentPlan plan, Instant before, Instant now) {
    Instant limit = before.isAfter(Instant.parse("9999-12-31T00:00:00Z")) ? Instant.parse("9999-12-31T00:00:00Z")
        : before;
    return PaymentQueries.scheduledOfPlan(conn, plan.id(), limit).compose(ids -> transitions.applyAll(conn,
        ids.stream().map(id -> new PaymentRef(id, plan.clientId())).toList(), PaymentStatus.CANCELED, now));
  }

  private static DomainException notFound(String id) {
    return DomainException.notFound("Payment plan " + id);
  }
}
