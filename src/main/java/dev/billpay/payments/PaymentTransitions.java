package dev.billpay.payments;

import dev.billpay.shared.ProblemType;
import dev.billpay.events.OutboxWriter;
import dev.billpay.shared.DomainException;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Every payment state change: the state machine's conditional update plus its outbox event, in the
 * caller's transaction. Used by the API (cancel), the scheduler, the clearing engine and the bank-file
 * intake alike, so there is one way to change a payment.
 */
public final class PaymentTransitions {
  private final PaymentRepository payments;

  public PaymentTransitions(PaymentRepository payments) {
    this.payments = payments;
  }

  /**
   * Moves every payment to {@code to}, one after another on the connection (a transaction runs its
   * statements in order anyway); fails on the first that cannot move.
   */
  public Future<Void> applyAll(SqlConnection conn, java.util.List<PaymentRepository.Ref> payments, PaymentStatus to,
      Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (PaymentRepository.Ref ref : payments) {
      chain = chain.compose(v -> apply(conn, ref.clientId(), ref.id(), to, now).mapEmpty());
    }
    return chain;
  }

  /** 404 if the payment is not the client's, 409 (illegal-transition) if its state does not allow {@code to}. */
  public Future<Payment> apply(SqlConnection conn, String clientId, String paymentId, PaymentStatus to, Instant now) {
    return payments.transition(conn, clientId, paymentId, PaymentStateMachine.sourcesOf(to), to, now)
        .compose(moved -> {
          if (moved.isPresent()) {
            Payment p = moved.get();
            return OutboxWriter.append(conn, PaymentEvents.of(p, PaymentStateMachine.eventFor(to)), p.id(), now)
                .map(p);
          }
          return payments.find(conn, clientId, paymentId).map(found -> {
            Payment current = found.orElseThrow(() -> DomainException.notFound("Payment " + paymentId));
            throw new DomainException(ProblemType.ILLEGAL_TRANSITION,
                "A " + current.status().wire() + " payment cannot become " + to.wire() + ".");
          });
        });
  }
}
