package dev.billpay.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A clearing file we sent that the bank has not yet been seen to settle.
 *
 * @param totalDebitMinor the sum of the file's debit entries: what the bank credits us on
 *     settlement
 */
public record ClearingFileCandidate(
    String clearingFileId, long totalDebitMinor, String currency, LocalDate effectiveDate) {
  public ClearingFileCandidate {
    Objects.requireNonNull(clearingFileId, "clearingFileId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
  }
}
