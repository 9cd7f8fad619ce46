package dev.billpay.expectedpayments;

import dev.billpay.reconciliation.BankTransaction.Flow;
import java.util.Arrays;
import java.util.Optional;

/** Which way the expected money moves on our account: in (credit, a payer pays us) or out (debit, we pay). */
public enum Direction {
  CREDIT(Flow.CREDIT),
  DEBIT(Flow.DEBIT);

  private final Flow flow;

  Direction(Flow flow) {
    this.flow = flow;
  }

  /** The bank transaction flow that can reconcile it. */
  public Flow flow() {
    return flow;
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Direction> fromWire(String wire) {
    return Arrays.stream(values()).filter(d -> d.wire().equals(wire)).findFirst();
  }
}
