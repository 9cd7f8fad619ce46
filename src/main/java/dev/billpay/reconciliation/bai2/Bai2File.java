package dev.billpay.reconciliation.bai2;

import java.util.List;
import java.util.Objects;

/** A whole BAI2 file whose control totals and record counts all checked out. */
public record Bai2File(FileHeader header, List<Group> groups) {
  public Bai2File {
    Objects.requireNonNull(header, "header");
    groups = List.copyOf(groups);
  }

  /** Every transaction of every account, in file order. */
  public List<Transaction> transactions() {
    return groups.stream()
        .flatMap(group -> group.accounts().stream())
        .flatMap(account -> account.transactions().stream())
        .toList();
  }
}
