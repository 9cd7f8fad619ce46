package dev.billpay.history;

import dev.billpay.http.JsonBodies;
import dev.billpay.shared.DomainException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * /admin/v1/history: rebuild the Cassandra history from the events topic. The rebuild can take as
 * long as reading the topic's whole retention, longer than an HTTP request should wait, so POST starts
 * it in the background and answers 202 with its job; GET on the job says how it ended and its counts.
 * Mounted after the admin routes, behind the same admin token check.
 */
public final class HistoryRebuildHandler {
  private final HistoryRebuilds rebuilds;

  public HistoryRebuildHandler(HistoryRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  public void mount(Router router) {
    router.post("/admin/v1/history/rebuild").handler(this::start);
    router.get("/admin/v1/history/rebuilds/:id").handler(this::show);
  }

  private void start(RoutingContext ctx) {
    JsonObject body = JsonBodies.optionalObject(ctx);
    body.fieldNames().stream().filter(f -> !f.equals("since")).findFirst().ifPresent(f -> {
      throw DomainException.validation(f, "unknown field");
    });
    JsonObject job = rebuilds.start(since(body.getValue("since")), "admin");
    ctx.response().setStatusCode(202).putHeader("Location", "/admin/v1/history/rebuilds/" + job.getString("id"))
        .putHeader("Content-Type", "application/json").end(job.toBuffer());
  }

  private void show(RoutingContext ctx) {
    JsonObject job = rebuilds.job(ctx.pathParam("id"))
        .orElseThrow(() -> DomainException.notFound("history rebuild"));
    ctx.response().putHeader("Content-Type", "application/json").end(job.toBuffer());
  }

  private static Instant since(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse((String) value);
    } catch (ClassCastException | DateTimeParseException e) {
      throw DomainException.validation("since", "must be an RFC 3339 instant, e.g. 2026-01-31T00:00:00Z");
    }
  }
}
