package dev.billpay.http;

import dev.billpay.idempotency.IdempotencyKey;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing JSON answers; failures go to the one problem handler. */
public final class Replies {
  private Replies() {}

  public static void json(RoutingContext ctx, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").end(ar.result().toBuffer());
    });
  }

  /** A stored or fresh answer of an idempotent POST; replays carry Idempotent-Replayed: true. */
  public static void send(RoutingContext ctx, Future<Reply> result) {
    result.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      Reply reply = ar.result();
      var response = ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json");
      if (reply.replayed()) {
        response.putHeader(IdempotencyKey.REPLAYED_HEADER, "true");
      }
      response.end(reply.body());
    });
  }
}
