package dev.billpay.reconciliation;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Streams an uploaded bank file to a temporary file, with back-pressure and a size limit, so a
 * 100k-line file never sits in memory as one string and never blocks the event loop.
 */
final class BankFileUpload {
  private BankFileUpload() {}

  /** The temporary file's path; the caller deletes it. Fails with 413 past {@code maxBytes}. */
  static Future<String> receive(Vertx vertx, HttpServerRequest request, long maxBytes) {
    request.pause();
    String length = request.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
      return Future.failedFuture(tooLarge(maxBytes));
    }
    return vertx.fileSystem().createTempFile("billpay-bank-file-", ".part")
        .compose(path -> vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
            .compose(file -> copy(request, file, maxBytes).eventually(file::close))
            .map(path)
            .recover(e -> vertx.fileSystem().delete(path).transform(ignored -> Future.failedFuture(e))));
  }

  private static Future<Void> copy(HttpServerRequest request, AsyncFile file, long maxBytes) {
    Promise<Void> done = Promise.promise();
    long[] received = {0};
    request.handler(chunk -> {
      received[0] += chunk.length();
      if (received[0] > maxBytes) {
        request.handler(null);
        done.tryFail(tooLarge(maxBytes));
        return;
      }
      file.write(chunk);
      if (file.writeQueueFull()) {
        request.pause();
        file.drainHandler(v -> request.resume());
      }
    });
    request.exceptionHandler(done::tryFail);
    request.endHandler(v -> done.tryComplete());
    request.resume();
    return done.future();
  }

  private static DomainException tooLarge(long maxBytes) {
    return new DomainException(ProblemType.PAYLOAD_TOO_LARGE,
        "A bank file may be at most " + maxBytes + " bytes (reconciliation.max-file-bytes).");
  }
}
