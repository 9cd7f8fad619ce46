package dev.billpay.http;

import dev.billpay.shared.Ids;
import io.vertx.ext.web.RoutingContext;

/** Every request gets an id (the client's X-Request-Id when sane), echoed back and used in problems. */
public final class RequestIds {
  private static final String KEY = "request-id";
  public static final String HEADER = "X-Request-Id";

  private RequestIds() {}

  public static void assign(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && given.matches("[A-Za-z0-9._:-]{1,64}") ? given : Ids.newId("req");
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id != null ? id : "unknown";
  }
}
