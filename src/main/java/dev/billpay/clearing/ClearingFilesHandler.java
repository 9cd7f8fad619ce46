package dev.billpay.clearing;

import dev.billpay.http.IdempotencyKey;
import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.http.RequestIds;
import dev.billpay.idempotency.IdempotentReplies;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Operator HTTP for clearing files (mounted behind the admin token): list, get, the NACHA content as
 * transmitted, its operations, retransmit and cancel, and an ad-hoc cut-off for operations and the
 * tutorial.
 */
public final class ClearingFilesHandler {
  private static final Set<String> OPERATION_FIELDS = Set.of("requested_by", "reason");
  private final ClearingRepository files;
  private final ClearingEngine engine;
  private final ClearingFileOperations operations;
  private final Clock clock;

  public ClearingFilesHandler(ClearingRepository files, ClearingEngine engine, ClearingFileOperations operations,
      Clock clock) {
    this.files = files;
    this.engine = engine;
    this.operations = operations;
    this.clock = clock;
  }

  /** {@code jsonBodies} reads the operations' bodies, {@code contract} checks them against the API contract. */
  public void mount(Router router, Handler<RoutingContext> jsonBodies, Handler<RoutingContext> contract) {
    router.post("/v1/clearing-files/:id/retransmit").handler(jsonBodies).handler(contract)
        .handler(ctx -> operate(ctx, "retransmit"));
    router.post("/v1/clearing-files/:id/cancel").handler(jsonBodies).handler(contract)
        .handler(ctx -> operate(ctx, "cancel"));
    router.get("/v1/clearing-files/:id/operations").handler(this::listOperations);
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

  private void operate(RoutingContext ctx, String action) {
    String key = IdempotencyKey.require(ctx.request().getHeader(IdempotencyKey.HEADER));
    JsonObject body = JsonBodies.object(ctx);
    String id = ctx.pathParam("id");
    ClearingFileOperations.Request request = request(body, id, RequestIds.of(ctx));
    byte[] fingerprint = IdempotencyKey.fingerprint("POST", "/v1/clearing-files/" + id + "/" + action, body);
    IdempotentReplies.send(ctx, "cancel".equals(action) ? operations.cancel(key, fingerprint, request)
        : operations.retransmit(key, fingerprint, request));
  }

  /**
   * Who asks and why, both required and audited. The admin token is shared by every operator, so the
   * person who asks is named in the body, as a reconciliation exception's resolver is.
   */
  private static ClearingFileOperations.Request request(JsonObject body, String id, String requestId) {
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames().stream().filter(f -> !OPERATION_FIELDS.contains(f))
        .forEach(f -> errors.add(new FieldError(f, "unknown field")));
    String by = text(body, "requested_by", 100, errors);
    String reason = text(body, "reason", 500, errors);
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new ClearingFileOperations.Request(id, by, reason, requestId);
  }

  private static String text(JsonObject body, String field, int max, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank() || s.length() > max) {
      errors.add(new FieldError(field, "is required (1-" + max + " characters): it is audited"));
      return null;
    }
    return s.strip();
  }

  private void listOperations(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Replies.json(ctx, files.find(id).compose(found -> found.isEmpty()
        ? io.vertx.core.Future.failedFuture(DomainException.notFound("Clearing file " + id))
        : files.operations(id).map(ops -> new JsonObject().put("object", "list").put("data", new JsonArray(ops)))));
  }

  /** Runs a cut-off now (its key is this instant), exactly as a configured cut-off would run. */
  private void runNow(RoutingContext ctx) {
    var now = clock.instant();
    Replies.json(ctx, engine.run(now, now).map(r -> new JsonObject().put("object", "clearing_run")
        .put("cutoff_at", now.toString()).put("ran", r.ran()).put("failed_payments", r.failed())
        .put("files", new JsonArray(r.files().stream().map(ClearingFile::toJson).toList()))));
  }
}
