package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import java.util.List;

/**
 * Decides what every reported transaction reconciles, rule by rule, each over the whole list before
 * the next: our own entries first (a clearing file's settlement, a returned entry, a reversal of
 * ours), then expected payments by remittance reference, by amount and date window, and by
 * counterparty. Whatever no rule decides, or more than one candidate fits, is an exception for a
 * person. The rules, their order and a worked example of each are in docs/reconciliation.md.
 */
public final class MatchingEngine {
  private final Tolerance tolerance;
  private final int ownEntryWindowDays;

  /**
   * @param ownEntryWindowDays calendar days either side of a transaction's value date in which one of
   *     our own entries may be expected
   */
  public MatchingEngine(Tolerance tolerance, int ownEntryWindowDays) {
    if (ownEntryWindowDays < 0) {
      throw new IllegalArgumentException("the own entry window must not be negative");
    }
    this.tolerance = java.util.Objects.requireNonNull(tolerance, "tolerance");
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
    return new MatchingRun(transactions, new OpenExpectations(tolerance, expectations),
        new OwnEntries(ownEntries, ownEntryWindowDays)).decide();
  }
}
