package dev.billpay.http;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading JSON request bodies strictly: right content type, an object, well-formed. */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonObject object(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as Content-Type: application/json.");
    }
    if (isEmpty(ctx)) {
      throw DomainException.malformed("The request body is empty; send a JSON object.");
    }
    Object parsed;
    try {
      parsed = ctx.body().buffer().toJsonValue();
    } catch (DecodeException | IllegalStateException e) {
      throw DomainException.malformed("The request body is not valid JSON.");
    }
    if (!(parsed instanceof JsonObject obj)) {
      throw DomainException.malformed("The request body must be a JSON object.");
    }
    return obj;
  }

  /** For action POSTs (e.g. cancel): an empty body or an empty JSON object. */
  public static JsonObject optionalEmptyObject(RoutingContext ctx) {
    if (isEmpty(ctx)) {
      return new JsonObject();
    }
    JsonObject body = object(ctx);
    if (!body.isEmpty()) {
      throw DomainException.validation(body.fieldNames().iterator().next(), "unknown field");
    }
    return body;
  }

  /** An optional JSON object body: empty means {}. */
  public static JsonObject optionalObject(RoutingContext ctx) {
    if (isEmpty(ctx)) {
      return new JsonObject();
    }
    return object(ctx);
  }

  private static boolean isEmpty(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0;
  }
}
