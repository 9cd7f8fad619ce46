package dev.billpay.payments;

import dev.billpay.clients.AuthHandler;
import dev.billpay.http.ApiProblem;
import dev.billpay.http.JsonBodies;
import dev.billpay.idempotency.IdempotencyKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/payments: parse, call the service, reply. */
public final class PaymentsHandler {
  private final PaymentService service;
  private final long maxAmountMinor;

  public PaymentsHandler(PaymentService service, long maxAmountMinor) {
    this.service = service;
    this.maxAmountMinor = maxAmountMinor;
  }

  public void mount(Router router) {
    router.post("/v1/payments").handler(this::create);
    router.get("/v1/payments/:id").handler(this::get);
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreatePaymentRequest request = CreatePaymentRequest.parse(body, maxAmountMinor);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/payments", body);
    service.create(AuthHandler.clientId(ctx), key, fingerprint, request).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      PaymentService.Reply reply = ar.result();
      var response = ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json");
      if (reply.replayed()) {
        response.putHeader(IdempotencyKey.REPLAYED_HEADER, "true");
      }
      response.end(reply.body());
    });
  }

  private void get(RoutingContext ctx) {
    service.get(AuthHandler.clientId(ctx), ctx.pathParam("id")).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").end(ar.result().toJson().toBuffer());
    });
  }

}
