package dev.billpay.clearing;

import dev.billpay.reconciliation.bai2.Bai2Statement;
import dev.billpay.reconciliation.bai2.Bai2Writer;
import dev.billpay.reconciliation.bai2.FileHeader;
import dev.billpay.reconciliation.bai2.FundsType;
import dev.billpay.reconciliation.bai2.GroupHeader;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/** A BAI2 statement as the bank sends it after settling one of our clearing files, plus any other lines. */
final class AchSettlementStatement {
  private AchSettlementStatement() {}

  /** The settlement credit of {@code amount} on {@code effective}; each file gets a unique file id. */
  static String of(LocalDate effective, long amount, Bai2Statement.Entry... others) {
    List<Bai2Statement.Entry> entries = new java.util.ArrayList<>();
    entries.add(new Bai2Statement.Entry("166", amount, FundsType.IMMEDIATE, "ACH1", "", "ACH SETTLEMENT"));
    entries.addAll(List.of(others));
    return Bai2Writer.format(new Bai2Statement(
        new FileHeader("BANK", "BILLPAY", effective, "2359", Long.toString(System.nanoTime()), OptionalInt.of(80),
            OptionalInt.empty()),
        new GroupHeader("BILLPAY", "BANK", 1, effective, "2359", "USD", OptionalInt.of(2)),
        List.of(new Bai2Statement.Account("000123456789", "", List.of(), entries))));
  }
}
