package dev.billpay.benchmark;

import dev.billpay.payments.CreatePaymentRequest;
import dev.billpay.payments.Payment;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Phase (b): the gateway's HTTP and JSON work without any I/O. {@code POST /v1/payments} reads the
 * body with the same Vert.x Web body handler, parses and validates it with the gateway's own
 * {@link CreatePaymentRequest}, and answers 201 with the payment JSON the gateway would answer. No
 * authentication, idempotency, database, outbox: the floor under what (c) can cost.
 */
public final class InMemoryEndpoint extends VerticleBase {
  private final int port;
  private HttpServer server;

  public InMemoryEndpoint(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.post("/v1/payments").handler(BodyHandler.create(false).setBodyLimit(65_536));
    router.post("/v1/payments").handler(InMemoryEndpoint::create);
    router.get("/health/ready").handler(ctx -> ctx.response().end("{\"status\":\"UP\"}"));
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(router).listen().onSuccess(s -> server = s);
  }

  private static void create(RoutingContext ctx) {
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key == null || key.isBlank()) {
      ctx.response().setStatusCode(400).end();
      return;
    }
    CreatePaymentRequest req;
    try {
      req = CreatePaymentRequest.parse(new JsonObject(ctx.body().buffer()));
    } catch (RuntimeException e) {
      // malformed JSON (DecodeException) or an invalid payment (DomainException)
      ctx.response().setStatusCode(400).end();
      return;
    }
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(payment(req).toJson().toBuffer());
  }

  private static Payment payment(CreatePaymentRequest req) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new Payment(Ids.newId("pay"), "cli_dev", req.fundingAccountId(), req.payeeId(), req.amount(),
        req.reference(), PaymentStatus.PENDING, req.scheduledFor(), 1, now, now,
        Payment.Execution.of(null, today, null));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
