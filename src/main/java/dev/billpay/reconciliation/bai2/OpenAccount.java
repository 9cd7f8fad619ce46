package dev.billpay.reconciliation.bai2;

import java.util.ArrayList;
import java.util.List;

/** What the reader knows of an account between its 03 and 49. */
final class OpenAccount {
  final int line;
  final ControlTotal total = new ControlTotal();
  final List<Transaction> transactions = new ArrayList<>();
  /** Null when the 03 had a problem. */
  Bai2Records.AccountIdentifier identifier;
  String currency = Bai2FileParser.DEFAULT_CURRENCY;
  int records;

  OpenAccount(int line) {
    this.line = line;
  }
}
