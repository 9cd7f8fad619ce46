package dev.billpay.clearing.nacha;

/**
 * The count, entry hash and totals of the records of a batch as read, from the fields the controls
 * add up (transaction code, RDFI id, amount), whether or not the rest of each entry is readable.
 */
final class BatchTotals {
  private int entries;
  private int records;
  private long hash;
  private long debits;
  private long credits;
  private boolean known = true;

  /** Adds an entry; false (and the totals become unknown) when one of its fields is unreadable. */
  boolean add(TransactionCode code, String rdfiId, String amount) {
    entries++;
    records++;
    if (code == null || !Check.isDigits(rdfiId, 8) || !Check.isDigits(amount, 10)) {
      known = false;
      return false;
    }
    hash = (hash + Long.parseLong(rdfiId)) % BatchControl.HASH_MODULUS;
    if (code.isDebit()) {
      debits += Long.parseLong(amount);
    } else {
      credits += Long.parseLong(amount);
    }
    return true;
  }

  void addAddenda() {
    records++;
  }

  /** Adds a whole batch's totals, for the file control. */
  void add(BatchTotals batch) {
    entries += batch.entries;
    records += batch.records;
    hash = (hash + batch.hash) % BatchControl.HASH_MODULUS;
    debits += batch.debits;
    credits += batch.credits;
    known &= batch.known;
  }

  boolean known() {
    return known;
  }

  int entries() {
    return entries;
  }

  int records() {
    return records;
  }

  long hash() {
    return hash;
  }

  long debits() {
    return debits;
  }

  long credits() {
    return credits;
  }

  BatchControl control(BatchHeader header) {
    return new BatchControl(header.serviceClass(), records, hash, debits, credits,
        header.companyId(), header.odfiId(), header.batchNumber());
  }
}
