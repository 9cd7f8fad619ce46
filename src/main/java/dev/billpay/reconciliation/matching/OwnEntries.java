package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own money movements the bank may report, and which of them this run already found. An entry
 * fits a transaction of the same flow, currency and exact amount (we know to the cent what we
 * moved) whose kind the bank's code allows, dated within the window; an entry whose reference (a
 * clearing file id, a trace number) the transaction quotes fits whatever the bank's code and date.
 */
final class OwnEntries {
  /** What the search found for one transaction. */
  sealed interface Found {}

  record One(OwnEntry entry) implements Found {}

  record Several(List<OwnEntry> entries) implements Found {}

  /** Only entries an earlier line of the run already settled fit: {@code line} is that line. */
  record AlreadyTaken(OwnEntry entry, int line) implements Found {}

  record None() implements Found {}

  private final List<OwnEntry> entries;
  private final int windowDays;
  /** Keyed by kind, flow and id: a clearing file has a credit and a debit settlement of the same id. */
  private final Map<String, Integer> takenBy = new HashMap<>();

  OwnEntries(List<OwnEntry> entries, int windowDays) {
    this.entries = List.copyOf(entries);
    this.windowDays = windowDays;
    Map<String, OwnEntry> seen = new HashMap<>();
    for (OwnEntry e : entries) {
      if (seen.put(key(e), e) != null) {
        throw new IllegalArgumentException("own entries must be unique by kind, flow and id: " + e.id());
      }
    }
  }

  /** Finds the entry for the transaction and, when there is exactly one, takes it. */
  Found take(BankTransaction tx) {
    List<OwnEntry> fitting = new ArrayList<>();
    List<OwnEntry> quoted = new ArrayList<>();
    List<List<String>> text = null;
    for (OwnEntry e : entries) {
      if (e.flow() != tx.flow() || !e.currency().equals(tx.currency()) || e.amountMinor() != tx.amountMinor()) {
        continue;
      }
      if (text == null) {
        // tokenised once per transaction, and only when an entry of its amount exists
        text = ReferenceTokens.ofTransaction(tx);
      }
      if (quotes(text, e)) {
        quoted.add(e);
      } else if (kindAllowed(tx, e) && withinWindow(tx, e)) {
        fitting.add(e);
      }
    }
    List<OwnEntry> candidates = quoted.isEmpty() ? fitting : quoted;
    List<OwnEntry> free = candidates.stream().filter(e -> !takenBy.containsKey(key(e))).toList();
    if (free.size() == 1) {
      takenBy.put(key(free.get(0)), tx.line());
      return new One(free.get(0));
    }
    if (free.size() > 1) {
      return new Several(free);
    }
    return candidates.isEmpty() ? new None()
        : new AlreadyTaken(candidates.get(0), takenBy.get(key(candidates.get(0))));
  }

  /**
   * A reversal is one only of a reversal we originated; a returned entry settles as the bank's ACH
   * return or settlement debit; a file's settlement as an ACH settlement.
   */
  private static boolean kindAllowed(BankTransaction tx, OwnEntry e) {
    return switch (e.kind()) {
      case REVERSAL -> tx.reversal();
      case RETURN_SETTLEMENT -> !tx.reversal()
          && (tx.family() == Family.ACH_RETURN || tx.family() == Family.ACH_SETTLEMENT);
      case CLEARING_FILE_SETTLEMENT -> !tx.reversal() && tx.family() == Family.ACH_SETTLEMENT;
    };
  }

  private boolean withinWindow(BankTransaction tx, OwnEntry e) {
    return Math.abs(ChronoUnit.DAYS.between(e.expectedDate(), tx.valueDate())) <= windowDays;
  }

  private static boolean quotes(List<List<String>> quoted, OwnEntry e) {
    List<String> reference = ReferenceTokens.of(e.reference());
    return !reference.isEmpty() && ReferenceTokens.quotedIn(quoted, reference);
  }

  private static String key(OwnEntry e) {
    return e.kind() + "/" + e.flow() + "/" + e.id();
  }
}
