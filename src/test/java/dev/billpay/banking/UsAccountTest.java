package dev.billpay.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("US account numbers and account types")
class UsAccountTest {
  private static final String NUMBER = "account_number";
  private static final String TYPE = "account_type";

  @Test
  @DisplayName("account numbers of 4 to 17 digits pass")
  void validLengths() {
    for (int length = 4; length <= 17; length++) {
      String number = "1234567890123456789".substring(0, length);
      assertThat(UsAccountNumber.check(number, NUMBER)).as(number).isEmpty();
    }
    assertThat(UsAccountNumber.check("0000", NUMBER)).isEmpty();
  }

  @Test
  @DisplayName("3 or 18 digits, letters, spaces and dashes fail with account_number.format")
  void invalidNumbers() {
    for (String bad : List.of("123", "123456789012345678", "1234A", "1234 5678", "1234-5678", "",
        "\u0661\u0662\u0663\u0664")) {
      assertThat(UsAccountNumber.check(bad, NUMBER)).as(bad).containsExactly(
          new ValidationProblem(UsAccountNumber.FORMAT, NUMBER, "must be 4 to 17 digits"));
    }
    assertThat(UsAccountNumber.check(null, NUMBER))
        .containsExactly(new ValidationProblem(UsAccountNumber.FORMAT, NUMBER, "is required"));
  }

  @Test
  @DisplayName("checking and savings are the only account types, spelled in lower case")
  void accountTypes() {
    assertThat(AccountType.check("checking", TYPE)).isEmpty();
    assertThat(AccountType.check("savings", TYPE)).isEmpty();
    assertThat(AccountType.parse("savings")).contains(AccountType.SAVINGS);
    assertThat(Arrays.stream(AccountType.values()).map(AccountType::apiName))
        .containsExactly("checking", "savings");
    for (String bad : List.of("Checking", "SAVINGS", "money_market", "")) {
      assertThat(AccountType.check(bad, TYPE)).as(bad).containsExactly(
          new ValidationProblem(AccountType.INVALID, TYPE, "must be checking or savings"));
    }
    assertThat(AccountType.check(null, TYPE))
        .containsExactly(new ValidationProblem(AccountType.INVALID, TYPE, "is required"));
  }
}
