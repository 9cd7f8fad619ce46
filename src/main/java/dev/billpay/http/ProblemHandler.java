package dev.billpay.http;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become application/problem+json; never a stack trace. */
public final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  public static final String CONTENT_TYPE = "application/problem+json";

  /** Renders every failure of the router and its own error statuses as problem+json. */
  public static void install(io.vertx.ext.web.Router router) {
    router.route().failureHandler(new ProblemHandler());
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, ctx -> send(ctx, forStatus(status)));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    send(ctx, toProblem(ctx));
  }

  static DomainException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof DomainException p) {
      return p;
    }
    int status = ctx.statusCode();
    if (failure == null || status >= 400 && status < 500) {
      return forStatus(status < 0 ? 500 : status);
    }
    if (failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
      // a data exception (e.g. a NUL byte in text) is about what the client sent
      return DomainException.malformed("The request contains a value that cannot be stored (e.g. a NUL character).");
    }
    if (isConnectionFailure(failure)) {
      LOG.warn("dependency unavailable on {} {}: {}", ctx.request().method(), ctx.request().path(), failure.toString());
      return DomainException.unavailable("A storage dependency");
    }
    LOG.error("unexpected failure on {} {} request {}", ctx.request().method(), ctx.request().path(),
        RequestIds.of(ctx), failure);
    return forStatus(500);
  }

  static DomainException forStatus(int status) {
    return switch (status) {
      case 400 -> DomainException.malformed("The request could not be read.");
      case 401 -> DomainException.unauthorized();
      case 404 -> new DomainException(ProblemType.NOT_FOUND, "No such resource or route.");
      case 405 -> new DomainException(ProblemType.METHOD_NOT_ALLOWED, "This route does not support that method.");
      case 413 -> new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.");
      case 415 -> new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
      case 503 -> DomainException.unavailable("A dependency");
      default -> status >= 400 && status < 500
          ? new StatusProblem(status, ProblemType.CLIENT_ERROR, "The request was refused.")
          : new DomainException(ProblemType.INTERNAL,
              "Something went wrong on our side; the request id identifies it in our logs.");
    };
  }

  /**
   * PostgreSQL or Cassandra unreachable, starting up or shutting down: the client did nothing wrong
   * and may retry (503). PostgreSQL says so with SQLSTATE class 08 (connection exception), 57P01-03
   * (shutting down, crashed, starting up) and 53300 (too many connections); a closed pool or
   * connection says it in its message; a connection the server's crash reset is a SocketException. A
   * write cut off that way may or may not have committed: the client's retry with the same key finds out.
   */
  static boolean isConnectionFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof PgException pg && isUnavailableState(pg.getSqlState())) {
        return true;
      }
      if (c instanceof com.datastax.oss.driver.api.core.servererrors.InvalidQueryException && isMissingSchema(c)) {
        // a Cassandra that lost its keyspace or tables is a store not ready to serve, not a bad request
        return true;
      }
      String message = String.valueOf(c.getMessage());
      if (c instanceof java.net.SocketException
          || c instanceof io.vertx.core.VertxException
              && (message.contains("Connection") || message.toLowerCase(java.util.Locale.ROOT).contains("closed"))
          || c instanceof io.vertx.sqlclient.ClosedConnectionException
          || c instanceof com.datastax.oss.driver.api.core.AllNodesFailedException
          || c instanceof com.datastax.oss.driver.api.core.DriverTimeoutException
          || c instanceof com.datastax.oss.driver.api.core.NoNodeAvailableException) {
        return true;
      }
      if (c instanceof PgException) {
        return false;
      }
    }
    return false;
  }

  private static boolean isMissingSchema(Throwable cassandra) {
    String message = String.valueOf(cassandra.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("does not exist") || message.contains("unconfigured table");
  }

  private static boolean isUnavailableState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
  }

  /**
   * Requests Netty could not decode (request line or headers too long, bad HTTP) never reach the
   * router; they still get problem+json rather than a bare status line.
   */
  public static void invalidRequest(io.vertx.core.http.HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    String message = cause == null ? "" : String.valueOf(cause.getMessage());
    // the same distinction Vert.x's default handler makes, by Netty's messages
    int status = message.startsWith("An HTTP line is larger than") ? 414
        : message.startsWith("HTTP header is larger than") ? 431 : 400;
    String detail = switch (status) {
      case 414 -> "The request line (path and query) is too long.";
      case 431 -> "The request headers are too large.";
      default -> "The request is not valid HTTP.";
    };
    ProblemType type = status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.REQUEST_TOO_LARGE;
    JsonObject body = new JsonObject()
        .put("type", type.uri())
        .put("title", type.title())
        .put("status", status)
        .put("detail", detail);
    request.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).putHeader("Connection", "close")
        .end(body.toBuffer());
  }

  public static void send(RoutingContext ctx, DomainException p) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", p.typeUri())
        .put("title", p.title())
        .put("status", p.status())
        .put("detail", p.getMessage())
        .put("instance", RequestIds.of(ctx));
    if (!p.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      p.errors().forEach(e -> {
        JsonObject error = new JsonObject().put("field", e.field()).put("message", e.message());
        if (e.code() != null) {
          error.put("code", e.code());
        }
        if (e.suggestion() != null) {
          error.put("suggestion", e.suggestion());
        }
        errors.add(error);
      });
      body.put("errors", errors);
    }
    ctx.response().setStatusCode(p.status()).putHeader("Content-Type", CONTENT_TYPE).end(body.toBuffer());
  }
}
