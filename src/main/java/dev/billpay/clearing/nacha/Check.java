package dev.billpay.clearing.nacha;

import java.util.Objects;

/** Argument checks shared by the record constructors; each throws {@link NachaFormatException}. */
final class Check {
  private Check() {}

  static String digits(String value, int length, String field) {
    Objects.requireNonNull(value, field);
    if (!isDigits(value, length)) {
      throw new NachaFormatException(field, "must be exactly " + length + " digits");
    }
    return value;
  }

  /**
   * Identifiers (account numbers, company and individual ids) are written exactly as given, so
   * they must already be printable ASCII and left-justified: changing an identifier could post to
   * another account.
   */
  static String identifier(String value, int maxLength, String field) {
    Objects.requireNonNull(value, field);
    if (value.length() > maxLength) {
      throw new NachaFormatException(field, "is longer than " + maxLength + " characters");
    }
    if (!isPrintableAscii(value)) {
      throw new NachaFormatException(field, "must be printable ASCII");
    }
    if (value.startsWith(" ")) {
      throw new NachaFormatException(field, "must be left-justified, without leading spaces");
    }
    return value;
  }

  static long range(long value, long max, String field) {
    if (value < 0 || value > max) {
      throw new NachaFormatException(field, "must be between 0 and " + max);
    }
    return value;
  }

  static boolean isDigits(String value, int length) {
    return value.length() == length && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static boolean isPrintableAscii(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
  }
}
