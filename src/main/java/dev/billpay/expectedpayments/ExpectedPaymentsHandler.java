package dev.billpay.expectedpayments;

import dev.billpay.clients.AuthHandler;
import dev.billpay.http.IdempotencyKey;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Replies;
import dev.billpay.idempotency.IdempotentReplies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/expected-payments: parse, call the service, reply. */
public final class ExpectedPaymentsHandler {
  private static final String PATH = "/v1/expected-payments";
  private final ExpectedPaymentService service;

  public ExpectedPaymentsHandler(ExpectedPaymentService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post(PATH).handler(this::create);
    router.get(PATH).handler(ctx -> Replies.json(ctx,
        service.list(ExpectedPaymentQuery.parse(AuthHandler.clientId(ctx), ctx.queryParams()))));
    router.get(PATH + "/:id").handler(ctx -> Replies.json(ctx,
        service.get(AuthHandler.clientId(ctx), ctx.pathParam("id"))));
    router.post(PATH + "/:id/archive").handler(this::archive);
    router.get(PATH + "/:id/events").handler(ctx -> Replies.json(ctx,
        service.events(AuthHandler.clientId(ctx), ctx.pathParam("id"), ctx.vertx().getOrCreateContext())));
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreateExpectedPaymentRequest request = CreateExpectedPaymentRequest.parse(body);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", PATH, body);
    IdempotentReplies.send(ctx, service.create(AuthHandler.clientId(ctx), key, fingerprint, request));
  }

  private void archive(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.optionalEmptyObject(ctx);
    String id = ctx.pathParam("id");
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", PATH + "/" + id + "/archive", body);
    IdempotentReplies.send(ctx, service.archive(AuthHandler.clientId(ctx), key, fingerprint, id));
  }
}
