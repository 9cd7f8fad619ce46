package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import java.util.List;

/**
 * Decides what every reported transaction reconciles. The rules and their order are written down in
 * docs/reconciliation.md.
 */
public final class MatchingEngine {
  private final Tolerance tolerance;
  private final int ownEntryWindowDays;

  /**
   * @param ownEntryWindowDays calendar days either side of a transaction's value date in which one of
   *     our own entries may be expected
   */
  public MatchingEngine(Tolerance tolerance, int ownEntryWindowDays) {
    this.tolerance = tolerance;
    this.ownEntryWindowDays = ownEntryWindowDays;
  }

  /**
   * One decision per transaction that moves money, in input order.
   *
   * @param expectations open expectations (unreconciled, partially reconciled or overdue); ids unique
   * @param ownEntries our own entries not yet reported by the bank; ids unique per kind
   */
  public List<Decision> match(List<BankTransaction> transactions, List<Expectation> expectations,
      List<OwnEntry> ownEntries) {
    throw new UnsupportedOperationException("not built yet: the matching engine is being written");
  }
}
