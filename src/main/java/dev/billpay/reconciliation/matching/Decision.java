package dev.billpay.reconciliation.matching;

import java.util.List;
import java.util.Objects;

/**
 * What the engine decided for one transaction; {@code index} is its position in the list given to
 * {@link MatchingEngine#match}.
 */
public sealed interface Decision {
  int index();

  /**
   * The transaction reconciles one expectation, wholly or in part, or several (one credit covering
   * several invoices). Several transactions may reconcile the same expectation (partial payments).
   */
  record Reconciled(int index, List<Allocation> allocations, Rule rule) implements Decision {
    public Reconciled {
      allocations = List.copyOf(allocations);
      Objects.requireNonNull(rule, "rule");
      if (allocations.isEmpty()) {
        throw new IllegalArgumentException("a reconciliation allocates to at least one expectation");
      }
    }
  }

  /** The part of a transaction's amount given to one expectation. */
  record Allocation(String expectationId, long amountMinor) {
    public Allocation {
      Objects.requireNonNull(expectationId, "expectationId");
      if (amountMinor <= 0) {
        throw new IllegalArgumentException("an allocation is positive");
      }
    }
  }

  /** The transaction is the bank reporting money we moved ourselves. */
  record Settled(int index, OwnEntry entry, Rule rule) implements Decision {
    public Settled {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /** A person must look at it: it becomes a reconciliation exception with this stable reason. */
  record Unmatched(int index, String reason, String detail) implements Decision {
    public Unmatched {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Which rule decided, in the order the engine tries them; the codes are stable, stored and shown. */
  enum Rule {
    OWN_ENTRY("own_entry"),
    REFERENCE("reference"),
    AMOUNT_DATE("amount_date"),
    COUNTERPARTY("counterparty");

    private final String code;

    Rule(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
