package dev.billpay.payments;

import static dev.billpay.payments.PaymentStatus.CANCELED;
import static dev.billpay.payments.PaymentStatus.FAILED;
import static dev.billpay.payments.PaymentStatus.NEEDS_REVIEW;
import static dev.billpay.payments.PaymentStatus.PENDING;
import static dev.billpay.payments.PaymentStatus.RETURNED;
import static dev.billpay.payments.PaymentStatus.SCHEDULED;
import static dev.billpay.payments.PaymentStatus.SETTLED;
import static dev.billpay.payments.PaymentStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The payment state machine")
class PaymentStateMachineTest {

  @Test
  @DisplayName("exactly the documented transitions are allowed")
  void transitions() {
    Set<String> allowed = new java.util.TreeSet<>();
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : PaymentStatus.values()) {
        if (PaymentStateMachine.allows(from, to)) {
          allowed.add(from.wire() + ">" + to.wire());
        }
      }
    }
    assertThat(allowed).containsExactlyInAnyOrder(
        "scheduled>pending", "scheduled>canceled",
        "pending>submitted", "pending>canceled", "pending>failed",
        "submitted>settled", "submitted>returned", "submitted>needs_review",
        "needs_review>settled", "needs_review>returned",
        "settled>returned");
  }

  @Test
  @DisplayName("a payment submitted to the bank can never be submitted again or canceled")
  void submittedOnce() {
    for (PaymentStatus s : EnumSet.of(SUBMITTED, NEEDS_REVIEW, SETTLED, RETURNED)) {
      assertThat(PaymentStateMachine.allows(s, PENDING)).as(s.wire()).isFalse();
      assertThat(PaymentStateMachine.allows(s, SUBMITTED)).as(s.wire()).isFalse();
      assertThat(PaymentStateMachine.allows(s, CANCELED)).as(s.wire()).isFalse();
    }
  }

  @Test
  @DisplayName("returned, failed and canceled are final")
  void finalStates() {
    for (PaymentStatus s : EnumSet.of(RETURNED, FAILED, CANCELED)) {
      for (PaymentStatus to : PaymentStatus.values()) {
        assertThat(PaymentStateMachine.allows(s, to)).as(s.wire() + " > " + to.wire()).isFalse();
      }
    }
  }

  @Test
  @DisplayName("the sources of a state are the WHERE clause of its conditional update")
  void sources() {
    assertThat(PaymentStateMachine.sourcesOf(RETURNED)).containsExactlyInAnyOrder(SUBMITTED, NEEDS_REVIEW, SETTLED);
    assertThat(PaymentStateMachine.sourcesOf(CANCELED)).containsExactlyInAnyOrder(SCHEDULED, PENDING);
    assertThat(PaymentStateMachine.sourcesOf(SETTLED)).containsExactlyInAnyOrder(SUBMITTED, NEEDS_REVIEW);
    assertThat(PaymentStateMachine.sourcesOf(SCHEDULED)).isEmpty();
  }
}
