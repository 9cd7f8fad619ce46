package dev.billpay.banking;

import java.util.List;

/**
 * Checks a US bank account number: 4 to 17 digits and nothing else. Spaces and dashes are
 * rejected rather than stripped, because banks differ on whether they are part of the number.
 */
public final class UsAccountNumber {
  public static final String FORMAT = "account_number.format";

  private static final int MIN_LENGTH = 4;
  private static final int MAX_LENGTH = 17;

  private UsAccountNumber() {}

  /** Returns the problem with {@code accountNumber}, if any, reported against {@code field}. */
  public static List<ValidationProblem> check(String accountNumber, String field) {
    if (accountNumber == null) {
      return List.of(new ValidationProblem(FORMAT, field, "is required"));
    }
    boolean digitsOnly = accountNumber.chars().allMatch(c -> c >= '0' && c <= '9');
    int length = accountNumber.length();
    if (!digitsOnly || length < MIN_LENGTH || length > MAX_LENGTH) {
      return List.of(new ValidationProblem(FORMAT, field,
          "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " digits"));
    }
    return List.of();
  }
}
