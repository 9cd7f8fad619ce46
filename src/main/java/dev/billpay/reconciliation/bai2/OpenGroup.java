package dev.billpay.reconciliation.bai2;

import java.util.ArrayList;
import java.util.List;

/** What the reader knows of a group between its 02 and 98. */
final class OpenGroup {
  final int line;
  final ControlTotal total = new ControlTotal();
  final List<Account> accounts = new ArrayList<>();
  /** Null when the 02 had a problem; its currency is already defaulted to USD. */
  GroupHeader header;
  int accountCount;
  int records;

  OpenGroup(int line) {
    this.line = line;
  }
}
