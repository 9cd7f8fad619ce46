package dev.billpay.reconciliation.bai2;

/** Whether a BAI2 type code puts money into the account, takes it out, or moves none. */
public enum Direction {
  CREDIT,
  DEBIT,
  /** Status and balance codes, loan codes, non-monetary information (890), unassigned codes. */
  NONE
}
