package dev.billpay.clearing.nacha;

import java.util.List;

/**
 * The company/batch control record (type 8) as computed from a batch.
 *
 * @param entryAddendaCount entry detail and addenda records in the batch
 * @param entryHash the sum of the 8-digit RDFI ids of the entries, last 10 digits kept
 * @param totalDebitCents sum of the amounts of debit entries (second code digit 5-9)
 * @param totalCreditCents sum of the amounts of credit entries (second code digit 0-4)
 */
public record BatchControl(
    ServiceClass serviceClass,
    int entryAddendaCount,
    long entryHash,
    long totalDebitCents,
    long totalCreditCents,
    String companyId,
    String odfiId,
    int batchNumber) {
  /** Keeps the entry hash to the 10 digits its field holds. */
  static final long HASH_MODULUS = 10_000_000_000L;

  static BatchControl of(BatchHeader header, List<EntryDetail> entries) {
    int count = 0;
    long hash = 0;
    long debits = 0;
    long credits = 0;
    for (EntryDetail entry : entries) {
      count += entry.recordCount();
      hash = (hash + entry.hashAddend()) % HASH_MODULUS;
      // Math.addExact: totals past Long.MAX_VALUE cannot happen with 10-digit amounts in any
      // realistic file, but an overflow must fail rather than wrap into a plausible number
      if (entry.transactionCode().isDebit()) {
        debits = Math.addExact(debits, entry.amountCents());
      } else {
        credits = Math.addExact(credits, entry.amountCents());
      }
    }
    return new BatchControl(header.serviceClass(), count, hash, debits, credits,
        header.companyId(), header.odfiId(), header.batchNumber());
  }
}
