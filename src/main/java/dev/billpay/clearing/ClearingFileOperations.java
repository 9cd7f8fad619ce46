package dev.billpay.clearing;

import dev.billpay.accounts.VerificationEntries;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An operator's two file operations, each idempotent and audited (who, why, which request):
 * retransmitting a file whose hand-over outcome is unknown (the same stored bytes under the same id,
 * so the bank's duplicate-file check can recognise a copy it already has), and cancelling a file not
 * yet handed over, whose payments go back to pending for the next cut-off. Both are compare-and-set
 * moves of the file's status, so a cancellation and a hand-over's claim can never both win.
 */
public final class ClearingFileOperations {
  /**
   * The idempotency namespace of operator requests: the admin token is one identity, so the keys of
   * every operator share it (clients' keys are under their client ids, which never look like this).
   */
  static final String OPERATOR = "operator";
  private final ClearingEngine engine;
  private final PaymentTransitions transitions;
  private final IdempotentTransactions idempotency;
  private final Clock clock;

  public ClearingFileOperations(ClearingEngine engine, PaymentTransitions transitions,
      IdempotentTransactions idempotency, Clock clock) {
    this.engine = engine;
    this.transitions = transitions;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /** Who asks for an operation on which file, why, and the request id that carried it. */
  public record Request(String fileId, String requestedBy, String reason, String requestId) {
    FileOperation operation(String kind, String outcome, Instant at) {
      return new FileOperation(Ids.newId("cfo"), fileId, kind, requestedBy, reason, requestId, outcome, null, at,
          "pending".equals(outcome) ? null : at);
    }
  }

  /**
   * Cancels a {@code created} file: its submitted payments go back to pending (with their events) in
   * the same transaction. 409 clearing-file-not-cancellable in any other state, 404 if there is none.
   */
  public Future<Reply> cancel(String key, byte[] fingerprint, Request request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = request.fileId();
    return idempotency.run(OPERATOR, key, fingerprint, now, conn -> ClearingRepository.cancel(conn, id, now)
        .compose(cancelled -> !cancelled ? refuse(conn, id, ProblemType.CLEARING_FILE_NOT_CANCELLABLE)
            // locked, then moved: nothing else can take these payments before the commit
            : PaymentQueries.submittedInFile(conn, id).compose(payments ->
                transitions.withdrawFromFile(conn, id, payments, now)
                    .compose(v -> VerificationEntries.withdrawFromFile(conn, id, now)).compose(v -> {
                  FileOperation op = request.operation("cancel", "cancelled", now);
                  return ClearingRepository.insertOperation(conn, op)
                      .compose(w -> ClearingRepository.file(conn, id))
                      .map(file -> Reply.ok(answer(op, file).put("payment_count", payments.size()).encode()));
                }))));
  }

  /**
   * Claims a {@code transmission_unknown} file for a new hand-over and answers 202 once the claim and
   * its audit record are committed; the hand-over itself runs after the commit, and its outcome is
   * the file's status and the operation's outcome. A replay answers the first 202 and sends nothing.
   * 409 clearing-file-not-retransmittable in any other state, 404 if there is none.
   */
  public Future<Reply> retransmit(String key, byte[] fingerprint, Request request) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = request.fileId();
    AtomicReference<ClearingFile> claimed = new AtomicReference<>();
    return idempotency.run(OPERATOR, key, fingerprint, now, conn ->
        ClearingRepository.claimHandOver(conn, id, ClearingFileStatus.TRANSMISSION_UNKNOWN, now)
            .compose(ok -> !ok ? refuse(conn, id, ProblemType.CLEARING_FILE_NOT_RETRANSMITTABLE) : Future
                .succeededFuture(request.operation("retransmit", "pending", now))
                .compose(op -> ClearingRepository.insertOperation(conn, op)
                    .compose(v -> ClearingRepository.file(conn, id))
                    .map(file -> {
                      claimed.set(file);
                      return new Reply(202, answer(op, file).encode(), false);
                    }))))
        .onSuccess(reply -> {
          // only the request whose transaction made the claim sends; replays find it already made
          if (!reply.replayed() && claimed.get() != null) {
            engine.transmitClaimed(claimed.get());
          }
        });
  }

  private static JsonObject answer(FileOperation op, ClearingFile file) {
    return op.toJson().put("clearing_file", file.toJson());
  }

  private static <T> Future<T> refuse(SqlConnection conn, String fileId, ProblemType type) {
    return ClearingRepository.status(conn, fileId).map(status -> {
      ClearingFileStatus current = status.orElseThrow(() -> DomainException.notFound("Clearing file " + fileId));
      throw new DomainException(type, type == ProblemType.CLEARING_FILE_NOT_CANCELLABLE
          ? "A " + current.wire() + " clearing file cannot be cancelled: only a file not yet handed over"
              + " (created) can."
          : "A " + current.wire() + " clearing file cannot be sent again: only a file whose hand-over outcome"
              + " is unknown (transmission_unknown) can.");
    });
  }
}
