package dev.billpay.idempotency;

import dev.billpay.http.IdempotencyKey;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Writes the answer of an idempotent POST: stored or fresh; replays carry Idempotent-Replayed: true. */
public final class IdempotentReplies {
  private IdempotentReplies() {}

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
