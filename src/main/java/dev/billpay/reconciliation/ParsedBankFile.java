package dev.billpay.reconciliation;

import dev.billpay.clearing.nacha.NachaReadResult;
import java.util.List;

/** A received bank file after parsing: a NACHA return file, statements (BAI2, camt), or rejected whole. */
sealed interface ParsedBankFile {
  String sha256();

  int lineCount();

  /** A return/NOC file that passed the file-level edits; some batches or entries may be set aside. */
  record NachaReturns(String sha256, int lineCount, NachaReadResult.Accepted read)
      implements ParsedBankFile {}

  /** A well-formed NACHA file without any return or NOC: {@code description} says what it is. */
  record NotAReturn(String sha256, int lineCount, String description) implements ParsedBankFile {}

  /**
   * Statements or notifications of bank transactions, whatever their format.
   *
   * @param kind as stored on the bank file: {@code bai2_statement}, ...
   */
  record Statement(String sha256, int lineCount, String kind, List<BankStatement> statements)
      implements ParsedBankFile {
    List<BankTransaction> transactions() {
      return statements.stream().flatMap(s -> s.transactions().stream()).toList();
    }
  }

  /** Every problem found, by line; nothing of the file is applied. */
  record Rejected(String sha256, int lineCount, List<Problem> problems) implements ParsedBankFile {}

  record Problem(int line, String field, String message) {}
}
