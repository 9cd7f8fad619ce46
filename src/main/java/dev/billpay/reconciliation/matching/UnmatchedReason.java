package dev.billpay.reconciliation.matching;

/**
 * Why a transaction became a reconciliation exception. The codes are stable: they are stored on the
 * exception, shown by the API and filtered on by operations teams.
 */
public enum UnmatchedReason {
  /** Money came in that no expected payment and none of our own entries accounts for. */
  UNMATCHED_CREDIT("unmatched_credit"),
  /** Money left the account that no expected payment and none of our own entries accounts for. */
  UNMATCHED_DEBIT("unmatched_debit"),
  /** The bank reports an ACH settlement credit, and no clearing file of ours has that total then. */
  NO_MATCHING_CLEARING_FILE("no_matching_clearing_file"),
  /** Several of our own entries fit equally well; settling one of them would be a guess. */
  AMBIGUOUS_OWN_ENTRY("ambiguous_own_entry"),
  /** Several expected payments fit equally well, even after comparing the counterparty. */
  AMBIGUOUS_EXPECTED_PAYMENT("ambiguous_expected_payment"),
  /** The transaction names expected payments, and its amount is more than they can still take. */
  AMOUNT_MISMATCH("amount_mismatch"),
  /** The transaction names expected payments, all in another currency. */
  CURRENCY_MISMATCH("currency_mismatch"),
  /** Everything the transaction fits was already reconciled or settled: the bank may have paid twice. */
  DUPLICATE_MATCH("duplicate_match"),
  /** The bank reverses an earlier entry that is not one of ours: a person decides what it undoes. */
  UNMATCHED_REVERSAL("unmatched_reversal"),
  /** The line moves money, yet its code says neither credit nor debit. */
  UNCLASSIFIED_TRANSACTION("unclassified_transaction");

  private final String code;

  UnmatchedReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
