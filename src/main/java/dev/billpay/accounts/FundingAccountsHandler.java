package dev.billpay.accounts;

import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.http.IdempotencyKey;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** HTTP for /v1/funding-accounts, their verification, and /v1/bank-account-validations. */
public final class FundingAccountsHandler {
  private final FundingAccountService service;
  private final AccountVerificationService verifications;

  public FundingAccountsHandler(FundingAccountService service, AccountVerificationService verifications) {
    this.service = service;
    this.verifications = verifications;
  }

  public void mount(Router router) {
    router.post("/v1/funding-accounts").handler(this::create);
    router.get("/v1/funding-accounts").handler(this::list);
    router.get("/v1/funding-accounts/:id").handler(this::get);
    router.patch("/v1/funding-accounts/:id").handler(this::update);
    router.post("/v1/funding-accounts/:id/verifications").handler(this::startVerification);
    router.post("/v1/funding-accounts/:id/verify").handler(this::verify);
    router.post("/v1/bank-account-validations").handler(this::validate);
  }

  private void update(RoutingContext ctx) {
    UpdateFundingAccountRequest req = UpdateFundingAccountRequest.parse(JsonBodies.object(ctx));
    Replies.json(ctx, service.update(AuthHandler.clientId(ctx), ctx.pathParam("id"), req).map(FundingAccount::toJson));
  }

  private void startVerification(RoutingContext ctx) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    String id = ctx.pathParam("id");
    List<FieldError> errors = new ArrayList<>();
    VerificationMethod method = CreateFundingAccountRequest.method(body.getValue("method"), "method", errors);
    if (method == null && errors.isEmpty()) {
      errors.add(new FieldError("method", "is required"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/funding-accounts/" + id + "/verifications", body);
    IdempotentReplies.send(ctx, verifications.start(AuthHandler.clientId(ctx), id, key, fingerprint, method));
  }

  private void verify(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    Replies.json(ctx, verifications.verifyAmounts(AuthHandler.clientId(ctx), ctx.pathParam("id"), amounts(body))
        .map(FundingAccount::toJson));
  }

  /** The two micro-entry amounts the holder read on their statement, in cents. */
  private static List<Integer> amounts(JsonObject body) {
    Object value = body.getValue("amounts");
    if (!(value instanceof JsonArray list) || list.size() != 2 || !list.stream().allMatch(a -> a instanceof Integer
        && (Integer) a >= 1 && (Integer) a <= 99)) {
      throw DomainException.validation("amounts", "must be the two micro-entry amounts in cents, each 1 to 99");
    }
    return list.stream().map(Integer.class::cast).toList();
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
