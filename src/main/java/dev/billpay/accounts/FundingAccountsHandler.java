package dev.billpay.accounts;

import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.http.IdempotencyKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP for /v1/funding-accounts and /v1/bank-account-validations. */
public final class FundingAccountsHandler {
  private final FundingAccountService service;

  public FundingAccountsHandler(FundingAccountService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/v1/funding-accounts").handler(this::create);
    router.get("/v1/funding-accounts").handler(this::list);
    router.get("/v1/funding-accounts/:id").handler(this::get);
    router.post("/v1/bank-account-validations").handler(this::validate);
  }

  private void create(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    CreateFundingAccountRequest req = CreateFundingAccountRequest.parse(body, true);
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/funding-accounts", body);
    IdempotentReplies.send(ctx, service.create(AuthHandler.clientId(ctx), key, fingerprint, req));
  }

  private void validate(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    Replies.json(ctx, Future.succeededFuture(service.check(CreateFundingAccountRequest.parse(body, false))));
  }

  private void get(RoutingContext ctx) {
    Replies.json(ctx, service.get(AuthHandler.clientId(ctx), ctx.pathParam("id")).map(FundingAccount::toJson));
  }

  private void list(RoutingContext ctx) {
    Replies.json(ctx, service.list(AuthHandler.clientId(ctx), Pagination.fromQuery(ctx.queryParams(), "fa_")));
  }
}
