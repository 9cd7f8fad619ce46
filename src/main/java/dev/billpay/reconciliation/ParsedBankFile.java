package dev.billpay.reconciliation;

import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.reconciliation.bai2.Bai2File;
import java.util.List;

/** A received bank file after parsing: a NACHA return file, a BAI2 statement, or rejected whole. */
sealed interface ParsedBankFile {
  String sha256();

  int lineCount();

  /** A return/NOC file that passed the file-level edits; some batches or entries may be set aside. */
  record NachaReturns(String sha256, int lineCount, NachaReadResult.Accepted read)
      implements ParsedBankFile {}

  /** A well-formed NACHA file without any return or NOC: {@code description} says what it is. */
  record NotAReturn(String sha256, int lineCount, String description) implements ParsedBankFile {}

  record Statement(String sha256, int lineCount, Bai2File file) implements ParsedBankFile {}

  /** Every problem found, by line; nothing of the file is applied. */
  record Rejected(String sha256, int lineCount, List<Problem> problems) implements ParsedBankFile {}

  record Problem(int line, String field, String message) {}
}
