package dev.billpay.http;

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
}
