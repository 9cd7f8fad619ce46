package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import dev.billpay.reconciliation.matching.Decision.Allocation;
import dev.billpay.reconciliation.matching.Decision.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One call of the engine. Each rule runs over the whole list before the next starts, so a rule never
 * takes what a stronger rule gives a later line: an unreferenced credit cannot take the expected
 * payment that a later line names, and an amount match cannot take what an earlier line's reference
 * already completed.
 */
final class MatchingRun {
  private final List<BankTransaction> transactions;
  private final OpenExpectations expectations;
  private final ReferenceIndex references;
  private final OwnEntries own;
  private final Decision[] decisions;
  /** Why a transaction the rules so far left undecided will be an exception if no later rule decides. */
  private final Decision.Unmatched[] fallback;

  MatchingRun(List<BankTransaction> transactions, OpenExpectations expectations, OwnEntries own) {
    this.transactions = transactions;
    this.expectations = expectations;
    this.references = new ReferenceIndex(expectations.all());
    this.own = own;
    this.decisions = new Decision[transactions.size()];
    this.fallback = new Decision.Unmatched[transactions.size()];
  }

  List<Decision> decide() {
    for (int i = 0; i < decisions.length; i++) {
      decisions[i] = ownEntryOrNothing(i, transactions.get(i));
    }
    for (int i = 0; i < decisions.length; i++) {
      if (open(i)) {
        decisions[i] = byReference(i, transactions.get(i));
      }
    }
    for (int i = 0; i < decisions.length; i++) {
      if (open(i)) {
        decisions[i] = byAmountAndDate(i, transactions.get(i));
      }
    }
    for (int i = 0; i < decisions.length; i++) {
      if (open(i)) {
        decisions[i] = byCounterparty(i, transactions.get(i));
      }
    }
    List<Decision> result = new ArrayList<>();
    for (int i = 0; i < decisions.length; i++) {
      if (decisions[i] != null) {
        result.add(decisions[i]);
      } else if (fallback[i] != null) {
        result.add(fallback[i]);
      } else if (moves(transactions.get(i))) {
        result.add(nothingFits(i, transactions.get(i)));
      }
    }
    return result;
  }

  /** Still to be decided by the expectation rules. */
  private boolean open(int i) {
    BankTransaction tx = transactions.get(i);
    return decisions[i] == null && fallback[i] == null && tx.flow() != Flow.NONE && !tx.reversal();
  }

  private static boolean moves(BankTransaction tx) {
    return tx.amountMinor() != 0 || tx.flow() != Flow.NONE;
  }

  private Decision ownEntryOrNothing(int i, BankTransaction tx) {
    if (tx.flow() == Flow.NONE) {
      return tx.amountMinor() == 0 ? null : unmatched(i, UnmatchedReason.UNCLASSIFIED_TRANSACTION,
          "code " + tx.bankCode() + " moves " + money(tx) + " but is neither a credit nor a debit");
    }
    OwnEntries.Found found = own.take(tx);
    if (found instanceof OwnEntries.One one) {
      return new Decision.Settled(i, one.entry(), Rule.OWN_ENTRY);
    }
    if (found instanceof OwnEntries.Several several) {
      return unmatched(i, UnmatchedReason.AMBIGUOUS_OWN_ENTRY, "our entries " + several.entries().stream()
          .map(e -> e.kind().name().toLowerCase() + " " + e.id()).collect(Collectors.joining(", "))
          + " all fit " + money(tx) + " on " + tx.valueDate());
    }
    if (found instanceof OwnEntries.AlreadyTaken taken) {
      fallback[i] = unmatched(i, UnmatchedReason.DUPLICATE_MATCH, "our entry " + taken.entry().id() + " of "
          + money(tx) + " was already reported by line " + taken.line());
    }
    return null;
  }

  private Decision byReference(int i, BankTransaction tx) {
    List<Expectation> named = references.namedBy(tx);
    if (named.isEmpty()) {
      return null;
    }
    List<Expectation> fitting = named.stream()
        .filter(e -> e.flow() == tx.flow() && e.currency().equals(tx.currency())).toList();
    if (fitting.isEmpty()) {
      return named.stream().anyMatch(e -> e.flow() == tx.flow())
          ? unmatched(i, UnmatchedReason.CURRENCY_MISMATCH, money(tx) + " names " + ids(named)
              + ", expected in " + named.stream().map(Expectation::currency).distinct().collect(Collectors.joining(", ")))
          : null;
    }
    if (sharedReferenceOrClients(fitting)) {
      // one transaction settles several invoices of one client; never two clients' and never a guess between two
      return unmatched(i, UnmatchedReason.AMBIGUOUS_EXPECTED_PAYMENT, money(tx) + " names " + ids(fitting)
          + ", which share a reference or belong to different clients");
    }
    List<Allocation> allocations = expectations.allocate(fitting, tx.amountMinor(), tx.line());
    if (allocations != null) {
      return new Decision.Reconciled(i, allocations, Rule.REFERENCE);
    }
    long room = fitting.stream().mapToLong(expectations::capacity).sum();
    if (room == 0) {
      return unmatched(i, UnmatchedReason.DUPLICATE_MATCH, money(tx) + " names " + ids(fitting)
          + ", already reconciled" + takenBy(fitting));
    }
    return unmatched(i, UnmatchedReason.AMOUNT_MISMATCH, money(tx) + " names " + ids(fitting)
        + ", which can take " + room + " " + tx.currency() + " more");
  }

  /** The one expectation the amount completes within its window; the counterparty breaks a tie. */
  private Decision byAmountAndDate(int i, BankTransaction tx) {
    List<Expectation> fitting = expectations.sameFlowAndCurrency(tx).stream()
        .filter(e -> inWindow(e, tx) && expectations.completedBy(e, tx.amountMinor())).toList();
    if (fitting.isEmpty()) {
      return null;
    }
    Rule rule = Rule.AMOUNT_DATE;
    if (fitting.size() > 1) {
      List<Expectation> theirs = fitting.stream().filter(e -> Counterparty.matches(e, tx)).toList();
      if (theirs.size() != 1) {
        return unmatched(i, UnmatchedReason.AMBIGUOUS_EXPECTED_PAYMENT, "expected payments " + ids(fitting)
            + " all fit " + money(tx) + " on " + tx.valueDate()
            + (theirs.isEmpty() ? ", none from this counterparty" : ", several from this counterparty"));
      }
      fitting = theirs;
      rule = Rule.COUNTERPARTY;
    }
    return new Decision.Reconciled(i, expectations.allocate(fitting, tx.amountMinor(), tx.line()), rule);
  }

  /** Part of what one counterparty owes within the window: a partial payment without a reference. */
  private Decision byCounterparty(int i, BankTransaction tx) {
    List<Expectation> theirs = expectations.sameFlowAndCurrency(tx).stream()
        .filter(e -> inWindow(e, tx) && Counterparty.matches(e, tx) && expectations.capacity(e) > 0).toList();
    if (theirs.size() > 1) {
      return unmatched(i, UnmatchedReason.AMBIGUOUS_EXPECTED_PAYMENT, "expected payments " + ids(theirs)
          + " all await " + tx.counterpartyName() + " on " + tx.valueDate());
    }
    if (theirs.size() == 1) {
      List<Allocation> allocations = expectations.allocate(theirs, tx.amountMinor(), tx.line());
      return allocations == null ? unmatched(i, UnmatchedReason.AMOUNT_MISMATCH, money(tx) + " from "
          + tx.counterpartyName() + " is more than " + theirs.get(0).id() + " can take")
          : new Decision.Reconciled(i, allocations, Rule.COUNTERPARTY);
    }
    return null;
  }

  private Decision.Unmatched nothingFits(int i, BankTransaction tx) {
    if (tx.reversal()) {
      return unmatched(i, UnmatchedReason.UNMATCHED_REVERSAL, "the bank reverses an entry of " + money(tx)
          + " that is not one of ours");
    }
    if (tx.credit() && tx.family() == Family.ACH_SETTLEMENT) {
      return unmatched(i, UnmatchedReason.NO_MATCHING_CLEARING_FILE, "no unsettled clearing file of ours"
          + " totals " + money(tx) + " then, and no expected payment fits it");
    }
    return unmatched(i, tx.credit() ? UnmatchedReason.UNMATCHED_CREDIT : UnmatchedReason.UNMATCHED_DEBIT,
        "no expected payment or entry of ours fits " + money(tx) + " on " + tx.valueDate()
            + (tx.counterpartyName().isEmpty() ? "" : " (" + tx.counterpartyName() + ")"));
  }

  private static boolean sharedReferenceOrClients(List<Expectation> named) {
    long clients = named.stream().map(Expectation::clientId).distinct().count();
    long references = named.stream().map(e -> ReferenceTokens.of(e.reference())).distinct().count();
    return clients > 1 || references < named.size();
  }

  private static boolean inWindow(Expectation e, BankTransaction tx) {
    return !tx.valueDate().isBefore(e.windowStart()) && !tx.valueDate().isAfter(e.windowEnd());
  }

  private String takenBy(List<Expectation> list) {
    int line = list.stream().mapToInt(expectations::lastTakenBy).max().orElse(-1);
    return line < 0 ? " before this file" : " by line " + line;
  }

  private static Decision.Unmatched unmatched(int i, UnmatchedReason reason, String detail) {
    return new Decision.Unmatched(i, reason.code(), detail);
  }

  private static String ids(List<Expectation> list) {
    return list.stream().map(Expectation::id).collect(Collectors.joining(", "));
  }

  private static String money(BankTransaction tx) {
    return tx.amountMinor() + " " + tx.currency();
  }
}
