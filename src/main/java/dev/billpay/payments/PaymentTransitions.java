package dev.billpay.payments;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.PaymentEvents;
import dev.billpay.http.ApiProblem;
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
            Payment current = found.orElseThrow(() -> ApiProblem.notFound("Payment " + paymentId));
            throw new ApiProblem(409, "illegal-transition", "Not allowed in this state",
                "A " + current.status().wire() + " payment cannot become " + to.wire() + ".");
          });
        });
  }
}
