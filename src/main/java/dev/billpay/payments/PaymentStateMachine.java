package dev.billpay.payments;

import static dev.billpay.payments.PaymentStatus.CANCELED;
import static dev.billpay.payments.PaymentStatus.FAILED;
import static dev.billpay.payments.PaymentStatus.NEEDS_REVIEW;
import static dev.billpay.payments.PaymentStatus.PENDING;
import static dev.billpay.payments.PaymentStatus.RETURNED;
import static dev.billpay.payments.PaymentStatus.SCHEDULED;
import static dev.billpay.payments.PaymentStatus.SETTLED;
import static dev.billpay.payments.PaymentStatus.SUBMITTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one transition table of a payment's life. A submitted payment never goes back to pending: a
 * payment is submitted to the bank at most once, and an unknown bank outcome is NEEDS_REVIEW, which
 * only an explicit settlement or return resolves. Settled is final but for a late return.
 *
 * <p>One move is outside the table, because it is not a move of the payment's own life but the undoing
 * of a file: a clearing file cancelled before its hand-over gives its submitted payments back to
 * pending ({@link #WITHDRAWN_FROM} → {@link #WITHDRAWN_TO}). The bank never saw that file, so "at most
 * once to the bank" still holds; no other caller may take a payment back from submitted.
 */
public final class PaymentStateMachine {
  private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
      SCHEDULED, EnumSet.of(PENDING, CANCELED),
      PENDING, EnumSet.of(SUBMITTED, CANCELED, FAILED),
      SUBMITTED, EnumSet.of(SETTLED, RETURNED, NEEDS_REVIEW),
      NEEDS_REVIEW, EnumSet.of(SETTLED, RETURNED),
      // a late return reverses a settled debit (unauthorized-debit returns may come 60 days later)
      SETTLED, EnumSet.of(RETURNED),
      RETURNED, EnumSet.noneOf(PaymentStatus.class),
      FAILED, EnumSet.noneOf(PaymentStatus.class),
      CANCELED, EnumSet.noneOf(PaymentStatus.class));

  /** The state a payment leaves when its file is cancelled before its hand-over, and the one it enters. */
  public static final PaymentStatus WITHDRAWN_FROM = SUBMITTED;
  public static final PaymentStatus WITHDRAWN_TO = PENDING;

  private PaymentStateMachine() {}

  public static boolean allows(PaymentStatus from, PaymentStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** The states from which {@code to} may be entered: the WHERE clause of the conditional update. */
  public static Set<PaymentStatus> sourcesOf(PaymentStatus to) {
    Set<PaymentStatus> sources = EnumSet.noneOf(PaymentStatus.class);
    NEXT.forEach((from, targets) -> {
      if (targets.contains(to)) {
        sources.add(from);
      }
    });
    return sources;
  }

  /** The event type suffix for entering a state ("canceled" gives billpay.payment.canceled). */
  public static String eventFor(PaymentStatus entered) {
    return entered.wire();
  }
}
