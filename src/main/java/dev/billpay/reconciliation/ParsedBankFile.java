package dev.billpay.reconciliation;

import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.reconciliation.bai2.Bai2File;
import java.util.List;

/** A received bank file after parsing: a NACHA return file, a BAI2 statement, or rejected whole. */
sealed interface ParsedBankFile {
  String sha256();

  int lineCount();

  record NachaReturns(String sha256, int lineCount, NachaFile file) implements ParsedBankFile {}

  record Statement(String sha256, int lineCount, Bai2File file) implements ParsedBankFile {}

  /** Every problem found, by line; nothing of the file is applied. */
  record Rejected(String sha256, int lineCount, List<Problem> problems) implements ParsedBankFile {}

  record Problem(int line, String field, String message) {}
}
