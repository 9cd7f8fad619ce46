package dev.billpay.payees;

import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.http.IdempotencyKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/payees. */
public final class PayeesHandler {
  private final PayeeService service;

  public PayeesHandler(PayeeService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/v1/payees").handler(this::create);
    router.get("/v1/payees").handler(this::list);
    router.get("/v1/payees/:id").handler(this::get);
    router.delete("/v1/payees/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreatePayeeRequest req = CreatePayeeRequest.parse(body);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/payees", body);
    IdempotentReplies.send(ctx, service.create(AuthHandler.clientId(ctx), key, fingerprint, req));
  }

  private void get(RoutingContext ctx) {
    Replies.json(ctx, service.get(AuthHandler.clientId(ctx), ctx.pathParam("id")).map(Payee::toJson));
  }

  private void list(RoutingContext ctx) {
    Replies.json(ctx, service.list(AuthHandler.clientId(ctx), Pagination.fromQuery(ctx.queryParams(), "pe_")));
  }

  private void delete(RoutingContext ctx) {
    Replies.json(ctx, service.delete(AuthHandler.clientId(ctx), ctx.pathParam("id")).map(Payee::toJson));
  }
}
