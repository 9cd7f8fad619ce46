package dev.billpay.reconciliation.bai2;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Bai2Writer} turns into a file: one group of accounts with their transactions.
 * Trailers, control totals and record counts are the writer's business, not the caller's.
 *
 * @param header the 01 header; its physical record length, when set, makes the writer continue
 *     long records on 88s
 * @param group the 02 header; its currency is written as given
 */
public record Bai2Statement(FileHeader header, GroupHeader group, List<Account> accounts) {
  public Bai2Statement {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(group, "group");
    accounts = List.copyOf(accounts);
  }

  /**
   * An account and its entries.
   *
   * @param currency empty to use the group's currency
   */
  public record Account(
      String accountNumber, String currency, List<Summary> summaries, List<Entry> entries) {
    public Account {
      Objects.requireNonNull(accountNumber, "accountNumber");
      Objects.requireNonNull(currency, "currency");
      summaries = List.copyOf(summaries);
      entries = List.copyOf(entries);
    }
  }

  /** A transaction to write as a 16 record; direction follows from the type code. */
  public record Entry(
      String typeCode, long amountMinor, FundsType funds, String bankReference,
      String customerReference, String text) {
    public Entry {
      Objects.requireNonNull(typeCode, "typeCode");
      Objects.requireNonNull(funds, "funds");
      Objects.requireNonNull(bankReference, "bankReference");
      Objects.requireNonNull(customerReference, "customerReference");
      Objects.requireNonNull(text, "text");
      if (amountMinor < 0) {
        throw new IllegalArgumentException("16 amounts are unsigned; the type code says which way");
      }
    }
  }
}
