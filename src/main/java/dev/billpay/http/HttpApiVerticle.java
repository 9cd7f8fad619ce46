package dev.billpay.http;

import dev.billpay.accounts.FundingAccountRepository;
import dev.billpay.accounts.FundingAccountService;
import dev.billpay.accounts.FundingAccountsHandler;
import dev.billpay.app.SharedResources;
import dev.billpay.clients.AdminHandler;
import dev.billpay.clients.AuthHandler;
import dev.billpay.clients.ClientAdminService;
import dev.billpay.clients.ClientRepository;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import dev.billpay.health.HealthHandler;
import dev.billpay.observability.MetricsHandler;
import dev.billpay.history.AccountHistoryHandler;
import dev.billpay.history.PaymentEventsHandler;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.payees.PayeeRepository;
import dev.billpay.payees.PayeeService;
import dev.billpay.payees.PayeesHandler;
import dev.billpay.payments.PaymentRepository;
import dev.billpay.payments.PaymentService;
import dev.billpay.payments.PaymentsHandler;
import dev.billpay.webhooks.WebhookDeliveryRepository;
import dev.billpay.webhooks.WebhookEndpointRepository;
import dev.billpay.webhooks.WebhookService;
import dev.billpay.webhooks.WebhooksHandler;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.plans.PlanRepository;
import dev.billpay.plans.PlanService;
import dev.billpay.plans.PlansHandler;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.clearing.ClearingEngine;
import dev.billpay.clearing.ClearingFilesHandler;
import dev.billpay.clearing.ClearingRepository;
import dev.billpay.clearing.CutoffSchedule;
import dev.billpay.clearing.DirectoryTransmitter;
import dev.billpay.clients.OperatorAuth;
import dev.billpay.reconciliation.BankFileService;
import dev.billpay.reconciliation.BankFilesHandler;
import dev.billpay.reconciliation.ReconciliationReport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** The REST API; one instance per event loop, all sharing one PostgreSQL pool. */
public final class HttpApiVerticle extends VerticleBase {
  private final GatewayConfig config;
  private final SharedResources shared;
  private Pool pool;
  private HttpServer server;

  public HttpApiVerticle(GatewayConfig config, SharedResources shared) {
    this.config = config;
    this.shared = shared;
  }

  @Override
  public Future<?> start() {
    return ContractValidation.load(vertx).compose(this::listen);
  }

  private Future<HttpServer> listen(ContractValidation contract) {
    pool = PgPools.shared(vertx, config.pg());
    Clock clock = Clock.systemUTC();
    IdempotentTransactions idempotency = new IdempotentTransactions(pool);
    PaymentRepository paymentRepository = new PaymentRepository(pool);
    PaymentService payments = new PaymentService(pool, paymentRepository, idempotency, config.payments(), shared.metrics(),
        clock);
    ClientRepository clients = new ClientRepository(pool);
    MetricsHandler metricsHandler = new MetricsHandler(shared.metrics());
    FundingAccountService accounts = new FundingAccountService(new FundingAccountRepository(pool), idempotency,
        shared.bankValidator(), shared.cipher(), clock);
    ApiRoutes routes = new ApiRoutes(
        new HealthHandler(pool, shared.kafkaAdmin(), shared.cassandra()),
        metricsHandler,
        new ApiDocsHandler(),
        new AdminHandler(new ClientAdminService(clients, clock), config.security().adminToken(),
            shared.keyRevocations()),
        new PaymentsHandler(payments),
        new PaymentEventsHandler(payments, shared.history()),
        new AccountHistoryHandler(accounts, shared.history(), clock),
        new FundingAccountsHandler(accounts),
        new PayeesHandler(new PayeeService(new PayeeRepository(pool), idempotency, shared.cipher(), clock)),
        new WebhooksHandler(new WebhookService(vertx, pool, new WebhookEndpointRepository(pool),
            new WebhookDeliveryRepository(pool), idempotency, shared.cipher(), config.webhooks(), clock)),
        new PlansHandler(new PlanService(pool, new PlanRepository(pool), new PaymentTransitions(),
            idempotency, BankingCalendar.federalReserve(), config.payments().maxAmountMinor(), clock)),
        clearingFiles(pool, shared, clock),
        new BankFilesHandler(vertx, new BankFileService(vertx, pool, new PaymentTransitions(),
            config.reconciliation().dateWindowDays(), clock, shared.metrics()), new ReconciliationReport(pool),
            config.reconciliation().maxFileBytes(), clock));
    AuthHandler auth = new AuthHandler(clients, shared.rateLimiter(), shared.keyRevocations());
    vertx.eventBus().consumer(AdminHandler.KEY_REVOKED_ADDRESS, msg -> auth.forgetCachedKeys());

    Router router = Router.router(vertx);
    router.route().handler(metricsHandler::timeRequests);
    router.route().handler(RequestIds::assign);
    routes.mountPublic(router);
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(config.http().bodyLimitBytes());
    router.route("/admin/v1/*").handler(bodies);
    routes.mountAdmin(router, contract);
    OperatorAuth operator = new OperatorAuth(config.security().adminToken(),
        "Clearing, bank-file and reconciliation endpoints need the admin token.");
    ApiRoutes.OPERATOR_PATHS.forEach(path -> router.route(path).handler(operator));
    routes.mountOperator(router, bodies);
    router.route("/v1/*").handler(bodies);
    router.route("/v1/*").handler(auth);
    router.route("/v1/*").handler(contract);
    routes.mountV1(router);
    ProblemHandler problems = new ProblemHandler();
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, ctx -> ProblemHandler.send(ctx, ProblemHandler.forStatus(status)));
    }
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setMaxHeaderSize(16 * 1024)
        .setCompressionSupported(false);
    return vertx.createHttpServer(options).invalidRequestHandler(ProblemHandler::invalidRequest)
        .requestHandler(router).listen().onSuccess(s -> server = s);
  }

  private ClearingFilesHandler clearingFiles(Pool pool, SharedResources shared, Clock clock) {
    GatewayConfig.ClearingConfig c = config.clearing();
    ClearingEngine engine = new ClearingEngine(vertx, pool, c,
        new CutoffSchedule(c.cutoffTimes(), c.zone(), BankingCalendar.federalReserve()), shared.cipher(),
        new PaymentTransitions(), new DirectoryTransmitter(vertx, c.transmitDir()),
        shared.metrics());
    return new ClearingFilesHandler(new ClearingRepository(pool), engine, clock);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closeServer = server != null ? server.close() : Future.succeededFuture();
    return closeServer.eventually(() -> pool.close());
  }
}
