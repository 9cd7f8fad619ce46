package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A group: its 02 header and the accounts up to its 98 trailer. */
public record Group(GroupHeader header, List<Account> accounts) {
  public Group {
    Objects.requireNonNull(header, "header");
    accounts = List.copyOf(accounts);
  }

  public LocalDate asOfDate() {
    return header.asOfDate();
  }

  public String currency() {
    return header.currency();
  }
}
