package dev.billpay.webhooks;

import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.http.IdempotencyKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/webhook-endpoints and /v1/events/{id}/redeliver. */
public final class WebhooksHandler {
  private final WebhookService service;

  public WebhooksHandler(WebhookService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/v1/webhook-endpoints").handler(this::create);
    router.get("/v1/webhook-endpoints").handler(this::list);
    router.get("/v1/webhook-endpoints/:id").handler(this::get);
    router.delete("/v1/webhook-endpoints/:id").handler(this::delete);
    router.post("/v1/webhook-endpoints/:id/rotate-secret").handler(this::rotate);
    router.post("/v1/webhook-endpoints/:id/enable").handler(ctx -> setEnabled(ctx, true));
    router.post("/v1/webhook-endpoints/:id/disable").handler(ctx -> setEnabled(ctx, false));
    router.get("/v1/webhook-endpoints/:id/deliveries").handler(this::deliveries);
    router.post("/v1/events/:id/redeliver").handler(this::redeliver);
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreateWebhookEndpointRequest req = CreateWebhookEndpointRequest.parse(body);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/webhook-endpoints", body);
    IdempotentReplies.send(ctx, service.create(AuthHandler.clientId(ctx), key, fingerprint, req));
  }

  private void list(RoutingContext ctx) {
    Replies.json(ctx, service.list(AuthHandler.clientId(ctx), Pagination.fromQuery(ctx.queryParams(), "we_")));
  }

  private void get(RoutingContext ctx) {
    Replies.json(ctx, service.get(AuthHandler.clientId(ctx), ctx.pathParam("id")).map(WebhookEndpoint::toJson));
  }

  private void delete(RoutingContext ctx) {
    Replies.json(ctx, service.delete(AuthHandler.clientId(ctx), ctx.pathParam("id")).map(WebhookEndpoint::toJson));
  }

  private void rotate(RoutingContext ctx) {
    JsonBodies.optionalEmptyObject(ctx);
    Replies.json(ctx, service.rotateSecret(AuthHandler.clientId(ctx), ctx.pathParam("id")));
  }

  private void setEnabled(RoutingContext ctx, boolean enabled) {
    JsonBodies.optionalEmptyObject(ctx);
    Replies.json(ctx, service.setEnabled(AuthHandler.clientId(ctx), ctx.pathParam("id"), enabled)
        .map(WebhookEndpoint::toJson));
  }

  private void deliveries(RoutingContext ctx) {
    Replies.json(ctx, service.deliveries(AuthHandler.clientId(ctx), ctx.pathParam("id"),
        Pagination.fromQuery(ctx.queryParams(), "whd_")));
  }

  private void redeliver(RoutingContext ctx) {
    JsonBodies.optionalEmptyObject(ctx);
    ctx.response().setStatusCode(202);
    Replies.json(ctx, service.redeliver(AuthHandler.clientId(ctx), ctx.pathParam("id")));
  }
}
