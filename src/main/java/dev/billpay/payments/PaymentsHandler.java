package dev.billpay.payments;

import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Replies;
import dev.billpay.http.IdempotencyKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/payments: parse, call the service, reply. */
public final class PaymentsHandler {
  private final PaymentService service;

  public PaymentsHandler(PaymentService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/v1/payments").handler(this::create);
    router.get("/v1/payments").handler(this::list);
    router.get("/v1/payments/:id").handler(this::get);
    router.post("/v1/payments/:id/cancel").handler(this::cancel);
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreatePaymentRequest request = CreatePaymentRequest.parse(body);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/payments", body);
    IdempotentReplies.send(ctx, service.create(AuthHandler.clientId(ctx), key, fingerprint, request));
  }

  private void cancel(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.optionalEmptyObject(ctx);
    String id = ctx.pathParam("id");
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/payments/" + id + "/cancel", body);
    IdempotentReplies.send(ctx, service.cancel(AuthHandler.clientId(ctx), key, fingerprint, id));
  }

  private void get(RoutingContext ctx) {
    Replies.json(ctx, service.getWithAttempts(AuthHandler.clientId(ctx), ctx.pathParam("id")));
  }

  private void list(RoutingContext ctx) {
    Replies.json(ctx, service.list(PaymentQuery.parse(AuthHandler.clientId(ctx), ctx.queryParams())));
  }
}
