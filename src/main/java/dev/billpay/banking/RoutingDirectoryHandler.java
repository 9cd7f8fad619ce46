package dev.billpay.banking;

import dev.billpay.banking.fedach.FedAchDirectory;
import dev.billpay.banking.fedach.FedAchDirectoryException;
import dev.billpay.http.Replies;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * /admin/v1/routing-directory: which directory this process validates with, and reloading it from
 * its file without a restart (the Fed publishes a new one every business day). Mounted after the
 * admin routes, behind the same admin token check.
 */
public final class RoutingDirectoryHandler {
  private final RoutingDirectorySource source;

  public RoutingDirectoryHandler(RoutingDirectorySource source) {
    this.source = source;
  }

  public void mount(Router router) {
    router.get("/admin/v1/routing-directory").handler(this::show);
    router.post("/admin/v1/routing-directory/reload").handler(this::reload);
  }

  private void show(RoutingContext ctx) {
    Replies.json(ctx, Future.succeededFuture(describe(source.current())));
  }

  private void reload(RoutingContext ctx) {
    // reading and parsing a full directory (tens of thousands of records) is blocking work
    Replies.json(ctx, ctx.vertx().executeBlocking(source::reload, false).map(this::describe)
        .recover(failure -> Future.failedFuture(failure instanceof IOException io ? refused(io) : failure)));
  }

  private JsonObject describe(RoutingDirectorySource.Loaded loaded) {
    RoutingDirectory directory = loaded.directory();
    return new JsonObject().put("object", "routing_directory")
        .put("file", source.file().map(Path::toString).orElse(null))
        .put("format", directory.format().map(FedAchDirectory.Format::wireName).orElse(null))
        .put("participants", directory.size())
        .put("replaced", directory.replacedCount())
        .put("loaded_at", loaded.loadedAt().toString());
  }

  /** A file that does not load: 422 with each problem by line or entry; the old directory stays. */
  private static DomainException refused(IOException failure) {
    if (failure instanceof FedAchDirectoryException malformed) {
      return new DomainException(ProblemType.ROUTING_DIRECTORY_INVALID, "The directory file was refused ("
          + malformed.problems().size() + " problem(s)); the directory in use is unchanged.",
          malformed.problems().stream().map(p -> new FieldError(p.location(), p.message())).toList());
    }
    return new DomainException(ProblemType.ROUTING_DIRECTORY_INVALID,
        "The directory file could not be read (" + failure + "); the directory in use is unchanged.");
  }
}
