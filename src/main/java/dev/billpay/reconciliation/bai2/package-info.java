/**
 * BAI2 bank statements (BAI Cash Management Balance Reporting Specifications, Version 2): a
 * streaming {@link dev.billpay.reconciliation.bai2.Bai2Reader} that validates every control total
 * and record count and rejects a malformed file whole, a {@link
 * dev.billpay.reconciliation.bai2.Bai2Writer} for the statements that tests and dev tooling need,
 * and the {@link dev.billpay.reconciliation.bai2.Bai2TypeCodes} the reconciliation relies on. Pure
 * Java without I/O of its own; callers hand in a reader or writer and run it off the event loop.
 */
package dev.billpay.reconciliation.bai2;
