package dev.billpay.clearing;

import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.shared.DomainException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * Operator HTTP for clearing files (mounted behind the admin token): list, get, the NACHA content as
 * transmitted, and an ad-hoc cut-off for operations and the tutorial.
 */
public final class ClearingFilesHandler {
  private final ClearingRepository files;
  private final ClearingEngine engine;
  private final Clock clock;

  public ClearingFilesHandler(ClearingRepository files, ClearingEngine engine, Clock clock) {
    this.files = files;
    this.engine = engine;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/v1/clearing-files").handler(this::list);
    router.get("/v1/clearing-files/:id").handler(ctx -> Replies.json(ctx, files.find(ctx.pathParam("id"))
        .map(f -> f.orElseThrow(() -> DomainException.notFound("Clearing file " + ctx.pathParam("id"))))));
    router.get("/v1/clearing-files/:id/content").handler(this::content);
    router.post("/v1/clearing-runs").handler(this::runNow);
  }

  private void list(RoutingContext ctx) {
    Pagination page = Pagination.fromQuery(ctx.queryParams(), "cf_");
    Replies.json(ctx, files.list(page.startingAfter(), page.limit() + 1)
        .map(rows -> page.page(rows, f -> f, f -> f.getString("id"))));
  }

  private void content(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    files.content(id).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (ar.result().isEmpty()) {
        ctx.fail(DomainException.notFound("Clearing file " + id));
      } else {
        ctx.response().putHeader("Content-Type", "text/plain; charset=us-ascii")
            .putHeader("Content-Disposition", "attachment; filename=\"" + id + ".ach\"")
            .end(ar.result().get());
      }
    });
  }

  /** Runs a cut-off now (its key is this instant), exactly as a configured cut-off would run. */
  private void runNow(RoutingContext ctx) {
    var now = clock.instant();
    Replies.json(ctx, engine.run(now, now).map(r -> new JsonObject().put("object", "clearing_run")
        .put("cutoff_at", now.toString()).put("ran", r.ran()).put("failed_payments", r.failed())
        .put("files", new JsonArray(r.files().stream().map(ClearingFile::toJson).toList()))));
  }
}
