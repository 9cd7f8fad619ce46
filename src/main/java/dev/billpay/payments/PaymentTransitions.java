package dev.billpay.payments;

import dev.billpay.events.OutboxWriter;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every payment state change: the state machine's conditional update plus its outbox event, in the
 * caller's transaction. Used by the API (cancel), the scheduler, the clearing engine and the bank-file
 * intake alike, so there is one way to change a payment and one place that mints its events. Moving
 * many payments is one update and one batched outbox insert, whatever their number.
 */
public final class PaymentTransitions {

  /**
   * Moves every payment to {@code to}; fails as the first that cannot move would fail on its own
   * ({@link #apply}), and then none has moved once the caller's transaction rolls back.
   */
  public Future<Void> applyAll(SqlConnection conn, List<PaymentRef> payments, PaymentStatus to, Instant now) {
    return move(conn, payments, to, now).mapEmpty();
  }

  /** 404 if the payment is not the client's, 409 (illegal-transition) if its state does not allow {@code to}. */
  public Future<Payment> apply(SqlConnection conn, String clientId, String paymentId, PaymentStatus to, Instant now) {
    return move(conn, List.of(new PaymentRef(paymentId, clientId)), to, now).map(moved -> moved.get(0));
  }

  /**
   * Locks the payment and moves it to {@code to} if its state allows it; false, changing nothing,
   * when it does not (something else moved it first).
   */
  public Future<Boolean> applyIfAllowed(SqlConnection conn, String paymentId, PaymentStatus to, Instant now) {
    return PaymentRepository.lockState(conn, paymentId).compose(state ->
        !PaymentStateMachine.allows(state.status(), to) ? Future.succeededFuture(false)
            : apply(conn, state.clientId(), paymentId, to, now).map(true));
  }

  /**
   * Puts the payments into a clearing file: each becomes submitted with its trace number (same
   * positions in {@code ids} and {@code traces}), the file and its effective entry date. The caller
   * holds the payments' locks, so every one of them moves; if one does not, the lock was broken, and
   * this fails so that the caller's whole run rolls back.
   */
  public Future<Void> submitAll(SqlConnection conn, String fileId, List<String> ids, List<String> traces,
      LocalDate effectiveDate, Instant at) {
    PaymentStatus to = PaymentStatus.SUBMITTED;
    return PaymentRepository.submit(conn, fileId, ids, traces, effectiveDate, PaymentStateMachine.sourcesOf(to), to,
        at).compose(submitted -> {
          if (submitted.size() != ids.size()) {
            return Future.failedFuture(new IllegalStateException("expected " + ids.size() + " pending payments, "
                + submitted.size() + " were"));
          }
          Map<String, Payment> byId = byId(submitted);
          return appendEvents(conn, ids.stream().map(byId::get).toList(), to, at);
        });
  }

  /**
   * Takes the payments out of a clearing file cancelled before its hand-over: each goes back from
   * submitted to pending without the file's trace number and id, with its event, so the next cut-off
   * puts it in a new file. The caller holds the payments' locks and the file's cancellation in the same
   * transaction; a payment that does not move means the lock was broken, and this fails the whole.
   */
  public Future<Void> withdrawFromFile(SqlConnection conn, String fileId, List<PaymentRef> payments, Instant at) {
    if (payments.isEmpty()) {
      return Future.succeededFuture();
    }
    PaymentStatus to = PaymentStateMachine.WITHDRAWN_TO;
    List<String> ids = payments.stream().map(PaymentRef::id).toList();
    return PaymentRepository.withdraw(conn, fileId, ids, java.util.EnumSet.of(PaymentStateMachine.WITHDRAWN_FROM),
        to, at).compose(moved -> {
          if (moved.size() != ids.size()) {
            return Future.failedFuture(new IllegalStateException("expected " + ids.size()
                + " submitted payments in file " + fileId + ", " + moved.size() + " were"));
          }
          Map<String, Payment> byId = byId(moved);
          return appendEvents(conn, ids.stream().map(byId::get).toList(), to, at);
        });
  }

  /**
   * The bank returned the payment: it becomes returned with the bank's code and reason. 404 or 409
   * as {@link #apply}.
   */
  public Future<Payment> applyReturn(SqlConnection conn, String clientId, String paymentId, String code,
      String reason, Instant at) {
    PaymentStatus to = PaymentStatus.RETURNED;
    PaymentRef ref = new PaymentRef(paymentId, clientId);
    return PaymentRepository.returned(conn, ref, PaymentStateMachine.sourcesOf(to), to, code, reason, at)
        .compose(moved -> moved.isEmpty() ? cannotMove(conn, ref, to)
            : appendEvents(conn, List.of(moved.get()), to, at).map(moved.get()));
  }

  /**
   * Records a dispute of the payment's return between the banks (dishonored or contested), with its
   * {@code return_disputed} event; the status stays. Empty if the client has no such payment.
   */
  public Future<Optional<Payment>> recordReturnDispute(SqlConnection conn, String clientId, String paymentId,
      Payment.ReturnDispute dispute) {
    return PaymentRepository.returnDisputed(conn, new PaymentRef(paymentId, clientId), dispute)
        .compose(disputed -> disputed.isEmpty() ? Future.succeededFuture(disputed)
            : OutboxWriter.append(conn, PaymentEvents.of(disputed.get(), PaymentEvents.RETURN_DISPUTED),
                paymentId, dispute.recordedAt()).map(disputed));
  }

  /**
   * A plan's occurrence enters the state machine as scheduled, with its event, at most once per plan
   * and date; true if it was new.
   */
  public Future<Boolean> insertOccurrence(SqlConnection conn, Payment occurrence, Instant at) {
    return PaymentRepository.insertOccurrence(conn, occurrence).compose(inserted -> inserted
        ? OutboxWriter.append(conn, PaymentEvents.of(occurrence, PaymentStateMachine.eventFor(occurrence.status())),
            occurrence.id(), at).map(true)
        : Future.succeededFuture(false));
  }

  /**
   * A reinitiation of a returned debit enters the state machine as scheduled, with its {@code
   * retry_scheduled} event, at most once per attempt of its chain; true if it was new.
   */
  public Future<Boolean> insertRetry(SqlConnection conn, Payment retry, Instant at) {
    return PaymentRepository.insertRetry(conn, retry).compose(inserted -> inserted
        ? OutboxWriter.append(conn, PaymentEvents.of(retry, PaymentEvents.RETRY_SCHEDULED), retry.id(), at).map(true)
        : Future.succeededFuture(false));
  }

  private Future<List<Payment>> move(SqlConnection conn, List<PaymentRef> refs, PaymentStatus to, Instant at) {
    if (refs.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return PaymentRepository.transition(conn, refs, PaymentStateMachine.sourcesOf(to), to, at).compose(moved -> {
      Map<String, Payment> byId = byId(moved);
      // in the order of refs: the first that did not move fails the batch, and events follow that order
      List<Payment> inOrder = new ArrayList<>(refs.size());
      for (PaymentRef ref : refs) {
        Payment p = byId.remove(ref.id());
        if (p == null) {
          return cannotMove(conn, ref, to);
        }
        inOrder.add(p);
      }
      return appendEvents(conn, inOrder, to, at).map(inOrder);
    });
  }

  private static Map<String, Payment> byId(List<Payment> payments) {
    Map<String, Payment> byId = new HashMap<>(payments.size() * 2);
    payments.forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  private static <T> Future<T> cannotMove(SqlConnection conn, PaymentRef ref, PaymentStatus to) {
    return PaymentRepository.find(conn, ref.clientId(), ref.id()).map(found -> {
      Payment current = found.orElseThrow(() -> DomainException.notFound("Payment " + ref.id()));
      throw new DomainException(ProblemType.ILLEGAL_TRANSITION,
          "A " + current.status().wire() + " payment cannot become " + to.wire() + ".");
    });
  }

  private static Future<Void> appendEvents(SqlConnection conn, List<Payment> moved, PaymentStatus entered,
      Instant at) {
    String change = PaymentStateMachine.eventFor(entered);
    return OutboxWriter.appendAll(conn, moved.stream()
        .map(p -> new OutboxWriter.Pending(PaymentEvents.of(p, change), p.id())).toList(), at);
  }
}
