package dev.billpay.reconciliation;

import dev.billpay.http.JsonBodies;
import dev.billpay.http.Pagination;
import dev.billpay.http.Replies;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator HTTP (behind the admin token) for bank files and reconciliation: upload a NACHA return
 * file, a BAI2 statement or a camt.053/camt.054 message (raw body, streamed to disk), read it back, list and resolve exceptions,
 * and the daily report.
 */
public final class BankFilesHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BankFilesHandler.class);
  /** NACHA and BAI2 are text, camt statements XML; octet-stream takes any of them as it is. */
  private static final List<String> UPLOAD_TYPES = List.of("text/plain", "application/octet-stream",
      "application/xml", "text/xml");
  private static final Set<String> RESOLUTIONS = Set.of("matched_manually", "written_off", "refunded", "ignored");
  private final Vertx vertx;
  private final BankFileService service;
  private final ReconciliationReport reports;
  private final long maxBytes;
  private final Clock clock;

  public BankFilesHandler(Vertx vertx, BankFileService service, ReconciliationReport reports, long maxBytes,
      Clock clock) {
    this.vertx = vertx;
    this.service = service;
    this.reports = reports;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /** {@code jsonBodies} reads the small JSON bodies (resolve); the upload route streams its own. */
  public void mount(Router router, io.vertx.core.Handler<RoutingContext> jsonBodies) {
    router.post("/v1/bank-files").handler(this::upload);
    router.get("/v1/bank-files/:id").handler(ctx -> Replies.json(ctx, service.get(ctx.pathParam("id"))));
    router.get("/v1/reconciliation/exceptions").handler(this::exceptions);
    router.post("/v1/reconciliation/exceptions/:id/resolve").handler(jsonBodies).handler(this::resolve);
    router.get("/v1/reconciliation/reports/:date").handler(this::report);
  }

  private void upload(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || UPLOAD_TYPES.stream().noneMatch(type::startsWith)) {
      ctx.request().resume();
      ctx.fail(new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Send the bank file as the raw body with Content-Type text/plain, application/xml (camt)"
              + " or application/octet-stream."));
      return;
    }
    String name = ctx.queryParams().get("file_name");
    BankFileUpload.receive(vertx, ctx.request(), maxBytes).onComplete(received -> {
      if (received.failed()) {
        ctx.fail(received.cause());
        return;
      }
      String path = received.result();
      service.importFile(Path.of(path), name == null ? null : name.substring(0, Math.min(200, name.length())))
          .eventually(() -> vertx.fileSystem().delete(path).otherwiseEmpty())
          .onComplete(ar -> {
            if (ar.failed()) {
              ctx.fail(ar.cause());
            } else {
              ctx.response().setStatusCode(ar.result().created() ? 201 : 200)
                  .putHeader("Content-Type", "application/json").end(ar.result().file().encode());
            }
          });
    });
  }

  private void exceptions(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    var params = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams()).remove("status");
    if (status != null && !Set.of("open", "resolved").contains(status)) {
      throw DomainException.validation("status", "must be open or resolved");
    }
    Pagination page = Pagination.fromQuery(params, "rex_");
    Replies.json(ctx, service.repository().listExceptions(status, page.startingAfter(), page.limit() + 1)
        .map(rows -> page.page(rows, e -> e, e -> e.getString("id"))));
  }

  private void resolve(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    String id = ctx.pathParam("id");
    List<FieldError> errors = new java.util.ArrayList<>();
    body.fieldNames().stream().filter(f -> !Set.of("resolution", "note", "resolved_by").contains(f))
        .forEach(f -> errors.add(new FieldError(f, "unknown field")));
    Object resolution = body.getValue("resolution");
    if (!(resolution instanceof String r) || !RESOLUTIONS.contains(r)) {
      errors.add(new FieldError("resolution", "must be one of " + RESOLUTIONS));
    }
    Object by = body.getValue("resolved_by");
    if (!(by instanceof String b) || b.isBlank() || b.length() > 100) {
      errors.add(new FieldError("resolved_by", "must name who resolves it (1-100 characters): it is audited"));
    }
    Object note = body.getValue("note");
    if (note != null && !(note instanceof String n && n.length() <= 1000)) {
      errors.add(new FieldError("note", "must be a string of at most 1000 characters"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    Replies.json(ctx, service.repository().resolve(id, (String) resolution, (String) note, (String) by,
        clock.instant()).compose(done -> done.isPresent()
            ? io.vertx.core.Future.succeededFuture(audited(done.get()))
            : service.repository().findException(id).map(found -> {
              if (found.isEmpty()) {
                throw DomainException.notFound("Reconciliation exception " + id);
              }
              throw new DomainException(ProblemType.ALREADY_RESOLVED,
                  "This exception was resolved by " + found.get().getString("resolved_by") + " at "
                      + found.get().getString("resolved_at") + ".");
            })));
  }

  private static JsonObject audited(JsonObject resolved) {
    LOG.info("reconciliation exception {} resolved as {} by {}", resolved.getString("id"),
        resolved.getString("resolution"), resolved.getString("resolved_by"));
    return resolved;
  }

  private void report(RoutingContext ctx) {
    LocalDate date;
    try {
      date = LocalDate.parse(ctx.pathParam("date"));
    } catch (DateTimeParseException e) {
      throw DomainException.validation("date", "must be a date YYYY-MM-DD");
    }
    Replies.json(ctx, reports.forDate(date));
  }
}
