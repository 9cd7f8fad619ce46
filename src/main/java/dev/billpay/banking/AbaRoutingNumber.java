package dev.billpay.banking;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an ABA routing transit number: nine digits, a Federal Reserve routing symbol prefix and
 * the 3-7-1 weighted check digit. Membership in a routing directory is checked separately by
 * {@link BankAccountValidator}, because a directory is optional configuration.
 */
public final class AbaRoutingNumber {
  public static final String FORMAT = "routing_number.format";
  public static final String PREFIX = "routing_number.prefix";
  public static final String CHECKSUM = "routing_number.checksum";

  private static final int LENGTH = 9;
  private static final int[] WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7, 1};

  private AbaRoutingNumber() {}

  /**
   * Returns every problem with {@code routingNumber}, reported against {@code field}; an empty
   * list means it is well formed. Prefix and checksum are independent, so a number failing both
   * gets both problems; neither is checked when the number is not nine digits.
   */
  public static List<ValidationProblem> check(String routingNumber, String field) {
    if (routingNumber == null) {
      return List.of(new ValidationProblem(FORMAT, field, "is required"));
    }
    if (!isNineDigits(routingNumber)) {
      return List.of(new ValidationProblem(FORMAT, field, "must be exactly 9 digits"));
    }
    List<ValidationProblem> problems = new ArrayList<>(2);
    if (!hasValidPrefix(routingNumber)) {
      problems.add(new ValidationProblem(PREFIX, field,
          "must start with a Federal Reserve routing symbol (00-12, 21-32, 61-72 or 80)"));
    }
    if (weightedSum(routingNumber) % 10 != 0) {
      problems.add(new ValidationProblem(CHECKSUM, field, "check digit does not match"));
    }
    return List.copyOf(problems);
  }

  private static boolean isNineDigits(String value) {
    // String.chars() over '0'..'9' only: Character.isDigit would let other scripts' digits in
    return value.length() == LENGTH && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * 00-12 are Federal Reserve districts (00 for the US government), 21-32 thrift institutions,
   * 61-72 electronic (ACH) transactions and 80 traveller's cheques; everything else is unassigned.
   */
  private static boolean hasValidPrefix(String digits) {
    int prefix = Integer.parseInt(digits.substring(0, 2));
    return prefix <= 12
        || (prefix >= 21 && prefix <= 32)
        || (prefix >= 61 && prefix <= 72)
        || prefix == 80;
  }

  private static int weightedSum(String digits) {
    int sum = 0;
    for (int i = 0; i < LENGTH; i++) {
      sum += WEIGHTS[i] * (digits.charAt(i) - '0');
    }
    return sum;
  }
}
