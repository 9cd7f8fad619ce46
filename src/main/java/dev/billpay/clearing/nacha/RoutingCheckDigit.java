package dev.billpay.clearing.nacha;

/**
 * The ABA check digit: the ninth digit makes the 3-7-1 weighted sum of all nine a multiple of 10.
 * Entry records carry the first eight digits and the check digit in separate fields, and return
 * entries need the check digit of an ODFI that the batch header names by its eight digits only.
 */
final class RoutingCheckDigit {
  private static final int[] WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7};

  private RoutingCheckDigit() {}

  /** The check digit for eight digits. */
  static char of(String eightDigits) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += WEIGHTS[i] * (eightDigits.charAt(i) - '0');
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  static boolean isValid(String nineDigits) {
    return Check.isDigits(nineDigits, 9) && of(nineDigits.substring(0, 8)) == nineDigits.charAt(8);
  }
}
