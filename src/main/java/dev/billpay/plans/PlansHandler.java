package dev.billpay.plans;

import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.http.IdempotencyKey;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/payment-plans: parse, call the service, reply. */
public final class PlansHandler {
  private final PlanService service;

  public PlansHandler(PlanService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/v1/payment-plans").handler(this::create);
    router.get("/v1/payment-plans").handler(ctx -> Replies.json(ctx,
        service.list(AuthHandler.clientId(ctx), Pagination.fromQuery(ctx.queryParams(), "plan_"))));
    router.get("/v1/payment-plans/:id").handler(ctx -> Replies.json(ctx,
        service.get(AuthHandler.clientId(ctx), ctx.pathParam("id"))));
    router.post("/v1/payment-plans/:id/pause").handler(ctx -> change(ctx, "pause"));
    router.post("/v1/payment-plans/:id/resume").handler(ctx -> change(ctx, "resume"));
    router.post("/v1/payment-plans/:id/cancel").handler(ctx -> change(ctx, "cancel"));
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreatePlanRequest request = CreatePlanRequest.parse(body);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/payment-plans", body);
    IdempotentReplies.send(ctx, service.create(AuthHandler.clientId(ctx), key, fingerprint, request));
  }

  private void change(RoutingContext ctx, String action) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.optionalEmptyObject(ctx);
    String id = ctx.pathParam("id");
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/payment-plans/" + id + "/" + action, body);
    String client = AuthHandler.clientId(ctx);
    Future<Reply> reply = switch (action) {
      case "pause" -> service.pause(client, key, fingerprint, id);
      case "resume" -> service.resume(client, key, fingerprint, id);
      default -> service.cancel(client, key, fingerprint, id);
    };
    IdempotentReplies.send(ctx, reply);
  }
}
