package dev.billpay.clearing.nacha;

import java.util.List;

/**
 * The file control record (type 9) as computed from a file's batches.
 *
 * @param batchCount batches in the file
 * @param blockCount blocks of ten 94-character records, the 9-filled padding included
 * @param entryAddendaCount entry detail and addenda records in the file
 * @param entryHash the sum of every entry's 8-digit RDFI id, last 10 digits kept
 */
public record FileControl(
    int batchCount,
    int blockCount,
    int entryAddendaCount,
    long entryHash,
    long totalDebitCents,
    long totalCreditCents) {
  public static final int BLOCKING_FACTOR = 10;

  static FileControl of(List<Batch> batches) {
    int lines = 2;
    int count = 0;
    long hash = 0;
    long debits = 0;
    long credits = 0;
    for (Batch batch : batches) {
      BatchControl control = batch.control();
      lines += batch.lineCount();
      count += control.entryAddendaCount();
      hash = (hash + control.entryHash()) % BatchControl.HASH_MODULUS;
      debits = Math.addExact(debits, control.totalDebitCents());
      credits = Math.addExact(credits, control.totalCreditCents());
    }
    int blocks = (lines + BLOCKING_FACTOR - 1) / BLOCKING_FACTOR;
    return new FileControl(batches.size(), blocks, count, hash, debits, credits);
  }

  /** Lines in the written file, padding included. */
  public int lineCount() {
    return blockCount * BLOCKING_FACTOR;
  }
}
