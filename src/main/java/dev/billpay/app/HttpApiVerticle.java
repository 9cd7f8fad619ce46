package dev.billpay.app;

import dev.billpay.clients.AdminHandler;
import dev.billpay.clients.AuthHandler;
import dev.billpay.clients.OperatorAuth;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import dev.billpay.http.ContractValidation;
import dev.billpay.http.ProblemHandler;
import dev.billpay.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The REST API; one instance per event loop, each with its own handle on the shared PostgreSQL pool
 * and its own {@link Wiring}, so the payment write batcher and the auth cache stay on one loop.
 */
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
    Wiring wiring = new Wiring(vertx, pool, config, shared, Clock.systemUTC());
    ApiRoutes routes = wiring.apiRoutes();
    AuthHandler auth = wiring.auth();
    vertx.eventBus().consumer(AdminHandler.KEY_REVOKED_ADDRESS, msg -> auth.forgetCachedKeys());

    Router router = Router.router(vertx);
    router.route().handler(routes.metrics()::timeRequests);
    router.route().handler(RequestIds::assign);
    routes.mountPublic(router);
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(config.http().bodyLimitBytes());
    router.route("/admin/v1/*").handler(bodies);
    routes.mountAdmin(router, contract);
    OperatorAuth operator = new OperatorAuth(config.security().adminToken(),
        "Clearing, bank-file and reconciliation endpoints need the admin token.");
    ApiRoutes.OPERATOR_PATHS.forEach(path -> router.route(path).handler(operator));
    routes.mountOperator(router, bodies, contract);
    router.route("/v1/*").handler(bodies);
    router.route("/v1/*").handler(auth);
    router.route("/v1/*").handler(contract);
    routes.mountV1(router);
    ProblemHandler.install(router);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setMaxHeaderSize(16 * 1024)
        .setCompressionSupported(false);
    return vertx.createHttpServer(options).invalidRequestHandler(ProblemHandler::invalidRequest)
        .requestHandler(router).listen().onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closeServer = server != null ? server.close() : Future.succeededFuture();
    return closeServer.eventually(() -> pool.close());
  }
}
