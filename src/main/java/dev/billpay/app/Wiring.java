package dev.billpay.app;

import dev.billpay.accounts.AccountVerificationService;
import dev.billpay.accounts.AccountVerifier;
import dev.billpay.accounts.FundingAccountRepository;
import dev.billpay.accounts.FundingAccountService;
import dev.billpay.accounts.FundingAccountsHandler;
import dev.billpay.accounts.KnownGoodAccountsVerifier;
import dev.billpay.accounts.VerificationEntries;
import dev.billpay.accounts.VerificationSweep;
import dev.billpay.banking.RoutingDirectoryHandler;
import dev.billpay.banknotifications.BankNotificationService;
import dev.billpay.banknotifications.BankNotificationsHandler;
import dev.billpay.banknotifications.NotificationSignatures;
import dev.billpay.accounts.KnownGoodAccountsVerifier;
import dev.billpay.accounts.VerificationEntries;
import dev.billpay.accounts.VerificationSweep;
import dev.billpay.banking.RoutingDirectoryHandler;
import dev.billpay.clearing.ClearingEngine;
import dev.billpay.clearing.ClearingFileOperations;
import dev.billpay.clearing.ClearingFilesHandler;
import dev.billpay.clearing.ClearingRepository;
import dev.billpay.clearing.ClearingVerticle;
import dev.billpay.clearing.CutoffSchedule;
import dev.billpay.payments.SameDayRules;
import dev.billpay.scheduling.SameDayWindows;
import dev.billpay.clearing.DirectoryTransmitter;
import dev.billpay.clearing.SettlementSweep;
import dev.billpay.clearing.SftpTransmitter;
import dev.billpay.clearing.Transmitter;
import dev.billpay.clients.AdminHandler;
import dev.billpay.clients.AuthHandler;
import dev.billpay.clients.ClientAdminService;
import dev.billpay.clients.ClientRepository;
import dev.billpay.config.GatewayConfig;
import dev.billpay.expectedpayments.ExpectedPaymentReconciliations;
import dev.billpay.expectedpayments.ExpectedPaymentRepository;
import dev.billpay.expectedpayments.ExpectedPaymentService;
import dev.billpay.expectedpayments.ExpectedPaymentStatusRules;
import dev.billpay.expectedpayments.ExpectedPaymentsHandler;
import dev.billpay.expectedpayments.OverdueSweep;
import dev.billpay.reconciliation.ExpectedPaymentLedger;
import dev.billpay.reconciliation.matching.Tolerance;
import dev.billpay.health.HealthHandler;
import dev.billpay.history.AccountHistoryHandler;
import dev.billpay.history.HistoryRebuildHandler;
import dev.billpay.history.PaymentEventsHandler;
import dev.billpay.http.ApiDocsHandler;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.infra.PeriodicTaskVerticle;
import dev.billpay.observability.MetricsHandler;
import dev.billpay.payees.PayeeRepository;
import dev.billpay.payees.PayeeService;
import dev.billpay.payees.PayeesHandler;
import dev.billpay.payments.DebitPolicy;
import dev.billpay.payments.PaymentRepository;
import dev.billpay.payments.PaymentService;
import dev.billpay.payments.PaymentRetries;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.returns.ReturnRateMonitor;
import dev.billpay.payments.PaymentsHandler;
import dev.billpay.plans.PlanRepository;
import dev.billpay.plans.PlanScheduler;
import dev.billpay.plans.PlanService;
import dev.billpay.plans.PlansHandler;
import dev.billpay.reconciliation.BankFileService;
import dev.billpay.reconciliation.BankFilesHandler;
import dev.billpay.reconciliation.matching.MatchingEngine;
import dev.billpay.reconciliation.ReconciliationReport;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.webhooks.WebhookDeliveryRepository;
import dev.billpay.webhooks.WebhookEndpointRepository;
import dev.billpay.webhooks.WebhookService;
import dev.billpay.webhooks.WebhooksHandler;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Every repository and service on one PostgreSQL pool handle, each built once. An HTTP verticle
 * builds one for its own event loop (the payment write batcher is per event loop); the background
 * roles share one. Nothing outside this package builds an object graph.
 */
public final class Wiring {
  private final Vertx vertx;
  private final Pool pool;
  private final GatewayConfig config;
  private final SharedResources shared;
  private final Clock clock;

  private final IdempotentTransactions idempotency;
  private final PaymentService payments;
  private final PaymentRepository paymentRepository;
  private final PaymentTransitions transitions;
  private final ClientRepository clients;
  private final FundingAccountService accounts;
  private final AccountVerificationService verifications;
  private final CutoffSchedule cutoffs;
  private final SameDayRules sameDay;
  private final DebitPolicy debits;
  private final ClearingRepository clearingFiles;
  private final ClearingEngine clearing;
  private final ReturnRateMonitor returnRates;
  /** What bank transactions reconcile expected payments through; BankFileService is handed this one. */
  private final ExpectedPaymentLedger expectedPaymentLedger;

  Wiring(Vertx vertx, Pool pool, GatewayConfig config, SharedResources shared, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.config = config;
    this.shared = shared;
    this.clock = clock;
    this.idempotency = new IdempotentTransactions(pool);
    this.paymentRepository = new PaymentRepository(pool);
    this.transitions = new PaymentTransitions();
    GatewayConfig.SameDayConfig sameDayConfig = config.clearing().sameDay();
    this.sameDay = new SameDayRules(SameDayWindows.of(sameDayConfig, BankingCalendar.federalReserve()),
        sameDayConfig.maxAmountMinor(), sameDayConfig.refusesAfterLastWindow());
    this.returnRates = new ReturnRateMonitor(pool, shared.metrics(),
        config.returns().pauseDebitsOverThreshold());
    this.debits = new DebitPolicy(config.accounts().requireVerifiedForDebits(),
        shared.routingDirectory()::reachesByAch, returnRates.pause());
    this.payments = new PaymentService(pool, paymentRepository, idempotency, config.payments(), sameDay, debits,
        shared.metrics(), clock);
    this.clients = new ClientRepository(pool);
    GatewayConfig.AccountsConfig a = config.accounts();
    AccountVerifier verifier = a.knownGoodAccounts().isEmpty() ? null
        : new KnownGoodAccountsVerifier(vertx, Path.of(a.knownGoodAccounts()));
    this.verifications = new AccountVerificationService(pool, idempotency, shared.cipher(), verifier, clock);
    this.accounts = new FundingAccountService(new FundingAccountRepository(pool), idempotency,
        shared.bankValidator(), shared.cipher(), verifications, clock);
    GatewayConfig.ClearingConfig c = config.clearing();
    this.cutoffs = CutoffSchedule.of(c, BankingCalendar.federalReserve());
    this.clearingFiles = new ClearingRepository(pool);
    this.clearing = new ClearingEngine(vertx, pool, c, cutoffs, shared.cipher(), transitions,
        transmitter(vertx, c), shared.metrics(),
        new VerificationEntries(BankingCalendar.federalReserve(), a.prenoteWaitBankingDays(),
            a.microEntriesExpireDays()), shared.routingDirectory()::reachesByAch);
    this.expectedPaymentLedger = new ExpectedPaymentReconciliations(shared.cipher(),
        new ExpectedPaymentStatusRules(tolerance()));
  }

  /** How far a received total may fall from an expected amount (reconciliation.tolerance-*). */
  public Tolerance tolerance() {
    return new Tolerance(config.reconciliation().toleranceMinor(), config.reconciliation().toleranceBasisPoints());
  }

  /** The expected payments a bank file's transactions reconcile, in the import's transaction. */
  public ExpectedPaymentLedger expectedPaymentLedger() {
    return expectedPaymentLedger;
  }

  /** The transmitter the configuration names: a local directory (the default) or the bank's SFTP server. */
  private static Transmitter transmitter(Vertx vertx, GatewayConfig.ClearingConfig c) {
    return "sftp".equals(c.transmitter()) ? new SftpTransmitter(vertx, c.sftp())
        : new DirectoryTransmitter(vertx, c.transmitDir());
  }

  /** The same graph on the same pool, on another clock: tests drive schedules and cut-offs with it. */
  public Wiring withClock(Clock other) {
    return new Wiring(vertx, pool, config, shared, other);
  }

  /** The handlers of every public, admin and operator route. */
  ApiRoutes apiRoutes() {
    var reconciliation = config.reconciliation();
    BankFileService bankFiles = new BankFileService(vertx, pool, transitions, new BankFileService.Returns(
        new PaymentRetries(transitions, BankingCalendar.federalReserve(),
            config.returns().retryDelayBankingDays()), accounts, returnRates), expectedPaymentLedger,
        new MatchingEngine(tolerance(), reconciliation.dateWindowDays()), reconciliation.dateWindowDays(),
        clock, shared.metrics());
    return new ApiRoutes(
        new HealthHandler(pool, shared.kafkaAdmin(), shared.cassandra()),
        new MetricsHandler(shared.metrics()),
        new ApiDocsHandler(),
        new AdminHandler(new ClientAdminService(clients, clock), config.security().adminToken(),
            shared.keyRevocations()),
        new HistoryRebuildHandler(shared.historyRebuilds()),
        new RoutingDirectoryHandler(shared.routingDirectory()),
        new PaymentsHandler(payments),
        new PaymentEventsHandler(payments, shared.history()),
        new AccountHistoryHandler(accounts, shared.history(), clock),
        new FundingAccountsHandler(accounts, verifications),
        new PayeesHandler(new PayeeService(new PayeeRepository(pool), idempotency, shared.cipher(), clock)),
        new WebhooksHandler(new WebhookService(vertx, pool, new WebhookEndpointRepository(pool),
            new WebhookDeliveryRepository(pool), idempotency, shared.cipher(), config.webhooks(), clock)),
        new PlansHandler(new PlanService(pool, new PlanRepository(pool), transitions, idempotency,
            BankingCalendar.federalReserve(), config.payments().maxAmountMinor(), sameDay, debits, clock)),
        new ClearingFilesHandler(clearingFiles, clearing,
            new ClearingFileOperations(clearing, transitions, idempotency, clock), clock),
        new BankFilesHandler(vertx, bankFiles, new ReconciliationReport(pool), reconciliation.maxFileBytes(), clock),
        new ExpectedPaymentsHandler(new ExpectedPaymentService(new ExpectedPaymentRepository(pool), idempotency,
            shared.cipher(), (id, context) -> shared.history().eventsOfResource(id, context)
                .map(events -> events.stream().map(e -> new io.vertx.core.json.JsonObject(e.payload())).toList()),
            clock)),
        bankNotifications(bankFiles));
  }

  private BankNotificationsHandler bankNotifications(BankFileService bankFiles) {
    GatewayConfig.BankNotificationConfig n = config.bankNotification();
    return new BankNotificationsHandler(new BankNotificationService(pool, bankFiles, config.clearing(), clock),
        new NotificationSignatures(n.secretsByBank(), n.toleranceSeconds(), clock), n.maxBodyBytes());
  }

  AuthHandler auth() {
    return new AuthHandler(clients, shared.rateLimiter(), shared.keyRevocations());
  }

  /** The plan scheduler's verticle: materialises occurrences and makes due payments pending. */
  public PeriodicTaskVerticle schedulerVerticle() {
    PlanScheduler scheduler = new PlanScheduler(pool, transitions,
        BankingCalendar.federalReserve(), config.scheduling());
    return new PeriodicTaskVerticle("scheduler run", config.scheduling().pollIntervalMs(),
        () -> scheduler.runUntilShort(clock));
  }

  /** Decides prenotes whose waiting period ended and micro-entries that expired; runs with the scheduler. */
  public PeriodicTaskVerticle verificationSweepVerticle() {
    VerificationSweep sweep = new VerificationSweep(pool, clock);
    return new PeriodicTaskVerticle("verification sweep", config.scheduling().pollIntervalMs(), sweep::run);
  }

  /** The clearing verticle: cut-offs, abandoned hand-overs and the settlement sweep. */
  public ClearingVerticle clearingVerticle() {
    GatewayConfig.ClearingConfig c = config.clearing();
    SettlementSweep settlement = new SettlementSweep(pool, transitions, BankingCalendar.federalReserve(), c.zone(),
        c.settlementDays());
    return new ClearingVerticle(clearing, clearingFiles, cutoffs, settlement, c.pollIntervalMs(), clock);
  }

  /** Marks expected payments overdue once their window passed (UTC dates), on this wiring's clock. */
  public OverdueSweep overdueSweep() {
    return new OverdueSweep(pool, clock);
  }

  /** The overdue sweep every reconciliation.overdue-sweep-interval-ms; runs with the scheduler. */
  public PeriodicTaskVerticle overdueSweepVerticle() {
    return new PeriodicTaskVerticle("expected payments overdue sweep",
        config.reconciliation().overdueSweepIntervalMs(), overdueSweep()::run);
  }
}
