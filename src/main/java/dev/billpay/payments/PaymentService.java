package dev.billpay.payments;

import dev.billpay.accounts.FundingAccountQueries;
import dev.billpay.accounts.FundingAccountQueries.DebitStanding;
import dev.billpay.banking.BankAccountValidator;
import dev.billpay.config.GatewayConfig.PaymentsConfig;
import dev.billpay.events.OutboxWriter;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payees.PayeeQueries;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Creating, reading, listing and canceling payments; every change is durable before it is answered. */
public final class PaymentService {
  private final PaymentRepository payments;
  private final IdempotentTransactions idempotency;
  private final PaymentsConfig limits;
  private final Clock clock;
  private final PaymentTransitions transitions;
  private final PaymentWriteBatcher writes;
  private final DebitPolicy debits;
  private final SameDayRules sameDay;

  public PaymentService(Pool pool, PaymentRepository payments, IdempotentTransactions idempotency,
      PaymentsConfig limits, SameDayRules sameDay, DebitPolicy debits, GatewayMetrics metrics, Clock clock) {
    this.payments = payments;
    this.sameDay = sameDay;
    this.debits = debits;
    this.transitions = new PaymentTransitions();
    this.idempotency = idempotency;
    this.limits = limits;
    this.clock = clock;
    this.writes = new PaymentWriteBatcher(pool, payments, idempotency, limits.dailyLimitMinor(), debits,
        limits.writeBatchSize(), limits.writeBatchesInFlight(), metrics, this::createAlone);
  }

  private static final BankingCalendar CALENDAR = BankingCalendar.federalReserve();

  /** Checks what needs no database, then writes the payment, coalesced with concurrent ones. */
  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreatePaymentRequest req) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    checkLimitsAndDate(req, today);
    boolean future = req.scheduledFor() != null && req.scheduledFor().isAfter(today);
    LocalDate requested = req.scheduledFor() == null ? today : req.scheduledFor();
    LocalDate effective = req.speed() == PaymentSpeed.SAME_DAY ? sameDay.effectiveDate(requested, !future, now)
        : CALENDAR.onOrAfter(requested);
    // API payments have no time zone of their own: a future one becomes due at the start of its date in UTC
    Payment.Execution execution = Payment.Execution.of(null, req.speed(), effective,
        future ? requested.atStartOfDay(ZoneOffset.UTC).toInstant() : null);
    Payment payment = new Payment(Ids.newId("pay"), clientId, req.fundingAccountId(), req.payeeId(), req.amount(),
        req.reference(), future ? PaymentStatus.SCHEDULED : PaymentStatus.PENDING, req.scheduledFor(), 1, now, now,
        execution);
    NewPayment write = NewPayment.of(clientId, key, fingerprint, req, payment, future ? "scheduled" : "created",
        today, now);
    if (debits.pause() == DebitPause.NEVER) {
      return writes.submit(write);
    }
    return debits.pause().isPaused(clientId).compose(paused -> {
      if (paused) {
        return Future.failedFuture(new DomainException(ProblemType.RETURN_RATE_EXCEEDED, "Your return rate over the"
            + " last 60 days is over a threshold of the ACH rules; new debits are paused until it is back under."));
      }
      return writes.submit(write);
    });
  }

  /**
   * One payment in a transaction of its own: what a coalesced batch does for each member, and the
   * path its members take when the batch cannot decide for all of them at once.
   */
  private Future<Reply> createAlone(NewPayment p) {
    CreatePaymentRequest req = p.request();
    return idempotency.run(p.clientId(), p.key(), p.fingerprint(), p.at(), conn ->
            checkReferences(conn, p.clientId(), req, debits)
            // the client's daily total, a row every payment of the client updates, is locked last
            .compose(v -> payments.insert(conn, p.payment()))
            .compose(v -> OutboxWriter.append(conn, p.event(), p.payment().id(), p.at()))
            .compose(v -> payments.addToDailyTotal(conn, p.clientId(), p.day(), req.amount(), limits.dailyLimitMinor()))
            .map(withinLimit -> {
              if (!withinLimit) {
                throw new DomainException(ProblemType.DAILY_LIMIT_EXCEEDED,
                    "This payment would take today's total above your daily limit of " + limits.dailyLimitMinor()
                        + " minor units.", List.of(new FieldError("amount", "exceeds the remaining daily limit")));
              }
              return p.reply();
            }))
        .recover(PaymentService::duplicateReference);
  }

  public Future<Reply> cancel(String clientId, String key, byte[] fingerprint, String paymentId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return idempotency.run(clientId, key, fingerprint, now,
            conn -> transition(conn, clientId, paymentId, PaymentStatus.CANCELED, now)
                .map(p -> Reply.ok(p.toJson().encode())));
  }

  /** The conditional update plus its outbox event, in the caller's transaction; 404 or 409 otherwise. */
  public Future<Payment> transition(SqlConnection conn, String clientId, String paymentId, PaymentStatus to,
      Instant now) {
    return transitions.apply(conn, clientId, paymentId, to, now);
  }

  public Future<Payment> get(String clientId, String paymentId) {
    return payments.find(clientId, paymentId)
        .map(found -> found.orElseThrow(() -> DomainException.notFound("Payment " + paymentId)));
  }

  /**
   * The payment as GET /v1/payments/{id} shows it: a payment that was re-presented, or is a
   * re-presentment, lists every attempt of its chain. A payment without any is as it was created (the
   * same as its creation's answer).
   */
  public Future<JsonObject> getWithAttempts(String clientId, String paymentId) {
    return get(clientId, paymentId).compose(p -> payments.attempts(clientId,
        p.execution().retryOf() == null ? p.id() : p.execution().retryOf()).map(attempts -> attempts.size() < 2
            ? p.toJson() : p.toJson().put("attempts", attempts)));
  }

  public Future<JsonObject> list(PaymentQuery query) {
    return payments.list(query).map(rows -> query.page().page(rows, Payment::toJson, Payment::id));
  }

  private void checkLimitsAndDate(CreatePaymentRequest req, LocalDate today) {
    if (req.amount().minor() > limits.maxAmountMinor()) {
      throw new DomainException(ProblemType.AMOUNT_LIMIT_EXCEEDED,
          "A single payment may not exceed " + limits.maxAmountMinor() + " minor units.",
          List.of(new FieldError("amount", "exceeds the per-payment limit of " + limits.maxAmountMinor())));
    }
    sameDay.checkAmount(req.speed(), req.amount());
    LocalDate date = req.scheduledFor();
    if (date != null && (date.isBefore(today) || date.isAfter(today.plusDays(limits.maxScheduleDays())))) {
      throw DomainException.validation("scheduled_for",
          "must be between today (" + today + ") and " + limits.maxScheduleDays() + " days ahead");
    }
  }

  /**
   * The funding account and payee exist for the client, and the account may be debited under {@code debits}:
   * not blocked, at a bank ACH reaches, and verified where that is required (else 422).
   */
  public static Future<Void> checkReferences(SqlConnection conn, String clientId, CreatePaymentRequest req,
      DebitPolicy debits) {
    return FundingAccountQueries.debitStatus(conn, clientId, req.fundingAccountId(), debits.achParticipant())
        .compose(status -> PayeeQueries.isActive(conn, clientId, req.payeeId()).map(payeeActive -> {
          referenceProblem(status, payeeActive, debits).ifPresent(problem -> {
            throw problem;
          });
          return null;
        }));
  }

  /** The 422 a payment gets for its funding account (its status, if it is the client's) and payee. */
  static Optional<DomainException> referenceProblem(Optional<DebitStanding> accountStatus, boolean payeeActive,
      DebitPolicy debits) {
    if (accountStatus.isEmpty() || !payeeActive) {
      List<FieldError> errors = new java.util.ArrayList<>();
      if (accountStatus.isEmpty()) {
        errors.add(new FieldError("funding_account_id", "no such funding account"));
      }
      if (!payeeActive) {
        errors.add(new FieldError("payee_id", "no such payee (or it was deleted)"));
      }
      return Optional.of(new DomainException(ProblemType.UNKNOWN_REFERENCE,
          "The payment refers to resources that do not exist for your account.", errors));
    }
    if (!accountStatus.get().active()) {
      return Optional.of(new DomainException(ProblemType.FUNDING_ACCOUNT_BLOCKED,
          "This funding account is blocked for new debits.",
          List.of(new FieldError("funding_account_id", "is blocked for new debits"))));
    }
    if (!accountStatus.get().achReachable()) {
      return Optional.of(new DomainException(ProblemType.ROUTING_NUMBER_NOT_ACH_PARTICIPANT,
          "The funding account's routing number is no longer a FedACH participant, so ACH cannot debit it.",
          List.of(new FieldError("funding_account_id", "is at a bank the FedACH participant directory does not list",
              BankAccountValidator.NOT_ACH_PARTICIPANT))));
    }
    if (debits.requireVerified() && !accountStatus.get().verified()) {
      // the Nacha WEB Debit Account Validation Rule: validate the account before its first WEB debit
      return Optional.of(new DomainException(ProblemType.FUNDING_ACCOUNT_NOT_VERIFIED,
          "This funding account must be verified before it is debited: start a verification with"
              + " POST /v1/funding-accounts/{id}/verifications.",
          List.of(new FieldError("funding_account_id", "is not verified"))));
    }
    return Optional.empty();
  }

  private static Future<Reply> duplicateReference(Throwable failure) {
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        && PaymentRepository.REFERENCE_CONSTRAINT.equals(pg.getConstraint())) {
      return Future.failedFuture(new DomainException(ProblemType.DUPLICATE_REFERENCE,
          "A payment with this reference already exists for your account; references are unique forever.",
          List.of(new FieldError("reference", "is already used"))));
    }
    return Future.failedFuture(failure);
  }
}
