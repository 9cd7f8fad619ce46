package dev.billpay.reconciliation;

import dev.billpay.reconciliation.bai2.Account;
import dev.billpay.reconciliation.bai2.Bai2File;
import dev.billpay.reconciliation.bai2.Bai2TypeCodes;
import dev.billpay.reconciliation.bai2.Group;
import dev.billpay.reconciliation.bai2.Summary;
import dev.billpay.reconciliation.bai2.Transaction;
import java.util.ArrayList;
import java.util.List;

/** A BAI2 file as the statements every source is reconciled from: one per account (03 ... 49). */
final class Bai2Statements {
  private static final String OPENING_LEDGER = "010";
  private static final String CLOSING_LEDGER = "015";

  private Bai2Statements() {}

  static List<BankStatement> of(Bai2File file) {
    List<BankStatement> statements = new ArrayList<>();
    for (Group group : file.groups()) {
      for (Account account : group.accounts()) {
        statements.add(new BankStatement("bai2", file.header().fileId(), account.accountNumber(), account.currency(),
            balance(account, OPENING_LEDGER), balance(account, CLOSING_LEDGER), group.header().asOfDate(),
            account.transactions().stream().map(Bai2Statements::transaction).toList()));
      }
    }
    return statements;
  }

  static BankTransaction transaction(Transaction t) {
    BankTransaction.Flow flow = switch (t.direction()) {
      case CREDIT -> BankTransaction.Flow.CREDIT;
      case DEBIT -> BankTransaction.Flow.DEBIT;
      case NONE -> BankTransaction.Flow.NONE;
    };
    return new BankTransaction("line " + t.line(), t.line(), flow, Bai2TypeCodes.family(t.typeCode()),
        t.amountMinor(), t.currency(), t.valueDate(), t.bankReference(), t.customerReference(), t.text(), List.of(),
        "", "", false, t.typeCode());
  }

  private static Long balance(Account account, String typeCode) {
    return account.summaries().stream().filter(s -> s.typeCode().equals(typeCode) && s.amountMinor().isPresent())
        .map(s -> s.amountMinor().getAsLong()).findFirst().orElse(null);
  }
}
