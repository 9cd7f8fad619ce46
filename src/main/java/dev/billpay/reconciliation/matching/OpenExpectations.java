package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Flow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expectations of one matching run and what the run has given each so far, so a later
 * transaction sees what an earlier one already took. Amounts may go over an expectation's maximum
 * only by the tolerance.
 */
final class OpenExpectations {
  private final Tolerance tolerance;
  private final List<Expectation> all;
  private final Map<String, Long> reconciled = new HashMap<>();
  private final Map<String, Integer> lastTakenBy = new HashMap<>();
  private final Map<String, List<Expectation>> byFlowAndCurrency = new HashMap<>();

  OpenExpectations(Tolerance tolerance, List<Expectation> expectations) {
    this.tolerance = tolerance;
    this.all = List.copyOf(expectations);
    for (Expectation e : all) {
      if (reconciled.put(e.id(), e.reconciledMinor()) != null) {
        throw new IllegalArgumentException("expectation ids must be unique: " + e.id());
      }
      byFlowAndCurrency.computeIfAbsent(key(e.flow(), e.currency()), k -> new ArrayList<>()).add(e);
    }
  }

  List<Expectation> all() {
    return all;
  }

  /** The expectations a transaction of this flow and currency could reconcile, in input order. */
  List<Expectation> sameFlowAndCurrency(BankTransaction tx) {
    return byFlowAndCurrency.getOrDefault(key(tx.flow(), tx.currency()), List.of());
  }

  long reconciled(Expectation e) {
    return reconciled.get(e.id());
  }

  /** What it may still take: up to its maximum plus the tolerance. */
  long capacity(Expectation e) {
    return Math.max(0, e.maxMinor() + tolerance.around(e.maxMinor()) - reconciled(e));
  }

  /** What it needs before it reaches its minimum amount. */
  long shortOfMinimum(Expectation e) {
    return Math.max(0, e.minMinor() - reconciled(e));
  }

  /** Whether {@code amountMinor} more would reconcile it wholly. */
  boolean completedBy(Expectation e, long amountMinor) {
    return tolerance.covers(reconciled(e) + amountMinor, e.minMinor(), e.maxMinor());
  }

  /** The line of the transaction that last reconciled some of it in this run; -1 when none did. */
  int lastTakenBy(Expectation e) {
    return lastTakenBy.getOrDefault(e.id(), -1);
  }

  /**
   * Shares {@code amountMinor} among {@code named}, in order: first what each needs to reach its
   * minimum, then up to what each may still take. Null, and nothing taken, when the amount is more
   * than they can take together.
   */
  List<Decision.Allocation> allocate(List<Expectation> named, long amountMinor, int line) {
    long[] given = new long[named.size()];
    long left = amountMinor;
    for (int i = 0; i < named.size() && left > 0; i++) {
      given[i] = Math.min(left, shortOfMinimum(named.get(i)));
      left -= given[i];
    }
    for (int i = 0; i < named.size() && left > 0; i++) {
      long more = Math.min(left, capacity(named.get(i)) - given[i]);
      given[i] += more;
      left -= more;
    }
    if (left > 0) {
      return null;
    }
    List<Decision.Allocation> allocations = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      if (given[i] > 0) {
        Expectation e = named.get(i);
        reconciled.merge(e.id(), given[i], Long::sum);
        lastTakenBy.put(e.id(), line);
        allocations.add(new Decision.Allocation(e.id(), given[i]));
      }
    }
    return allocations;
  }

  private static String key(Flow flow, String currency) {
    return flow + "/" + currency;
  }
}
