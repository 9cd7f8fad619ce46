package dev.billpay.banking;

/** The typing mistakes check digits are meant to catch, applied to a string. */
final class Mutations {
  private Mutations() {}

  /** {@code value} with the character at {@code i} replaced by {@code replacement}. */
  static String replace(String value, int i, char replacement) {
    return value.substring(0, i) + replacement + value.substring(i + 1);
  }

  /** {@code value} with the characters at {@code i} and {@code i + 1} swapped. */
  static String swapAdjacent(String value, int i) {
    char[] chars = value.toCharArray();
    char first = chars[i];
    chars[i] = chars[i + 1];
    chars[i + 1] = first;
    return new String(chars);
  }
}
