package dev.billpay.reconciliation.bai2;

import java.util.List;
import java.util.Objects;

/**
 * An account of a group: its 03 record and the 16 records up to its 49 trailer.
 *
 * @param currency the 03's currency, else the group's
 */
public record Account(
    String accountNumber, String currency, List<Summary> summaries,
    List<Transaction> transactions) {
  public Account {
    Objects.requireNonNull(accountNumber, "accountNumber");
    Objects.requireNonNull(currency, "currency");
    summaries = List.copyOf(summaries);
    transactions = List.copyOf(transactions);
  }
}
