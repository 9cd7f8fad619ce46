package dev.billpay.expectedpayments;

import static dev.billpay.expectedpayments.ExpectedPaymentStatus.ARCHIVED;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.OVERDUE;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.PARTIALLY_RECONCILED;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.RECONCILED;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.UNRECONCILED;

import dev.billpay.reconciliation.matching.Tolerance;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every rule of an expected payment's status, in one place. Reconciled is decided by the amount alone, with the
 * same tolerance the matching engine uses, so the engine and the resource never disagree on what "enough" is.
 * Once overdue, a payment still short stays overdue (it is late and not paid in full: what a treasury team must
 * chase); only reaching the amount takes it out. Reconciled and archived are final: nothing matches them again.
 */
public final class ExpectedPaymentStatusRules {
  /** The statuses a bank transaction may still reconcile. */
  public static final Set<ExpectedPaymentStatus> OPEN = EnumSet.of(UNRECONCILED, PARTIALLY_RECONCILED, OVERDUE);
  /** The statuses the overdue sweep looks at; an overdue one is never marked twice. */
  public static final Set<ExpectedPaymentStatus> NOT_YET_OVERDUE = EnumSet.of(UNRECONCILED, PARTIALLY_RECONCILED);
  /** What a client may archive: anything a bank transaction could still reconcile. */
  public static final Set<ExpectedPaymentStatus> ARCHIVABLE = OPEN;

  private final Tolerance tolerance;

  public ExpectedPaymentStatusRules(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  public Tolerance tolerance() {
    return tolerance;
  }

  /**
   * The status once {@code reconciledMinor} in all has been received against an expectation of {@code minMinor}
   * to {@code maxMinor} that was {@code current}. A total above the maximum (beyond tolerance) still reconciles
   * it: the money expected did arrive, and {@code reconciled_amount_minor} shows the excess.
   */
  public ExpectedPaymentStatus afterReceiving(ExpectedPaymentStatus current, long reconciledMinor, long minMinor,
      long maxMinor) {
    if (!OPEN.contains(current)) {
      throw new IllegalStateException("a " + current.wire() + " expected payment is never reconciled again");
    }
    if (tolerance.covers(reconciledMinor, minMinor, maxMinor) || reconciledMinor > maxMinor) {
      return RECONCILED;
    }
    if (current == OVERDUE) {
      return OVERDUE;
    }
    return reconciledMinor > 0 ? PARTIALLY_RECONCILED : UNRECONCILED;
  }

  /**
   * Whether the sweep of {@code today} (a UTC date) makes it overdue: its window ended before today. The sweep's
   * SQL says the same over {@link #NOT_YET_OVERDUE}.
   */
  public static boolean becomesOverdue(ExpectedPaymentStatus current, LocalDate windowEnd, LocalDate today) {
    return NOT_YET_OVERDUE.contains(current) && windowEnd.isBefore(today);
  }

  /** Whether it may be archived: anything not reconciled; archiving an archived one changes nothing. */
  public static boolean mayArchive(ExpectedPaymentStatus current) {
    return ARCHIVABLE.contains(current);
  }
}
