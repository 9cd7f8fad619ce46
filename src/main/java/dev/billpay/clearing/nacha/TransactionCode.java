package dev.billpay.clearing.nacha;

import java.util.Optional;

/**
 * Entry detail transaction codes for demand (checking, 2x) and savings (3x) accounts. The second
 * digit carries the meaning: 1 return or NOC of a credit, 2 credit, 3 credit prenote, 6 return or
 * NOC of a debit, 7 debit, 8 debit prenote. Digits 0-4 are credits and 5-9 debits, which is how
 * batch and file controls sort amounts into their debit and credit totals.
 */
public enum TransactionCode {
  CHECKING_RETURN_CREDIT("21"),
  CHECKING_CREDIT("22"),
  CHECKING_PRENOTE_CREDIT("23"),
  CHECKING_RETURN_DEBIT("26"),
  CHECKING_DEBIT("27"),
  CHECKING_PRENOTE_DEBIT("28"),
  SAVINGS_RETURN_CREDIT("31"),
  SAVINGS_CREDIT("32"),
  SAVINGS_PRENOTE_CREDIT("33"),
  SAVINGS_RETURN_DEBIT("36"),
  SAVINGS_DEBIT("37"),
  SAVINGS_PRENOTE_DEBIT("38");

  private final String code;

  TransactionCode(String code) {
    this.code = code;
  }

  /** The two digits as written in positions 2-3 of the entry detail record. */
  public String code() {
    return code;
  }

  public static Optional<TransactionCode> parse(String code) {
    for (TransactionCode value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Debits (5-9) are added to the debit totals of the controls, everything else to credits. */
  public boolean isDebit() {
    return code.charAt(1) >= '5';
  }

  public boolean isSavings() {
    return code.charAt(0) == '3';
  }

  /** Prenotifications are zero-dollar test entries. */
  public boolean isPrenote() {
    return code.charAt(1) == '3' || code.charAt(1) == '8';
  }

  /** Automated returns and notifications of change (21, 26, 31, 36). */
  public boolean isReturnOrNotification() {
    return code.charAt(1) == '1' || code.charAt(1) == '6';
  }

  /**
   * The code an RDFI puts on a return or NOC of an entry with this code. NACHA Appendix Three
   * defines 21 as "Automated Return or Notification of Change for Demand Credit" and 26 as the same
   * for a demand debit (31 and 36 for savings): a return stays in the family of the entry it
   * returns, so a returned checking debit (27) comes back as 26, not as a credit code, and a
   * returned prenote (28) comes back as 26 as well.
   */
  public TransactionCode returnCode() {
    char family = code.charAt(0);
    char kind = isDebit() ? '6' : '1';
    return parse("" + family + kind).orElseThrow();
  }

  /** The credit code for the same account type (22 or 32), used for offset entries. */
  public static TransactionCode credit(boolean savings) {
    return savings ? SAVINGS_CREDIT : CHECKING_CREDIT;
  }

  /** The debit code for the same account type (27 or 37). */
  public static TransactionCode debit(boolean savings) {
    return savings ? SAVINGS_DEBIT : CHECKING_DEBIT;
  }
}
