package dev.billpay.banking;

import java.util.List;
import java.util.Optional;

/** The kind of US deposit account a payment is drawn from, as spelled in the API. */
public enum AccountType {
  CHECKING("checking"),
  SAVINGS("savings");

  public static final String INVALID = "account_type.invalid";

  private final String apiName;

  AccountType(String apiName) {
    this.apiName = apiName;
  }

  /** The lower-case name used in requests and responses. */
  public String apiName() {
    return apiName;
  }

  /** Parses the API spelling exactly (lower case), so stored values have one form only. */
  public static Optional<AccountType> parse(String value) {
    for (AccountType type : values()) {
      if (type.apiName.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Returns the problem with {@code accountType}, if any, reported against {@code field}. */
  public static List<ValidationProblem> check(String accountType, String field) {
    if (accountType == null) {
      return List.of(new ValidationProblem(INVALID, field, "is required"));
    }
    if (parse(accountType).isEmpty()) {
      return List.of(new ValidationProblem(INVALID, field, "must be checking or savings"));
    }
    return List.of();
  }
}
