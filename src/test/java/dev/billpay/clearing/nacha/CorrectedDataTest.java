package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The corrected data of a notification of change, as its change code lays it out")
class CorrectedDataTest {
  @Test
  @DisplayName("each account-changing code yields exactly its fields")
  void layouts() {
    assertThat(CorrectedData.parse("C01", "12345678901234567")).contains(
        new CorrectedData("C01", null, "12345678901234567", null));
    assertThat(CorrectedData.parse("C02", "026009593")).contains(new CorrectedData("C02", "026009593", null, null));
    assertThat(CorrectedData.parse("C03", "026009593   12345678")).contains(
        new CorrectedData("C03", "026009593", "12345678", null));
    assertThat(CorrectedData.parse("C05", "37")).contains(
        new CorrectedData("C05", null, null, TransactionCode.SAVINGS_DEBIT));
    assertThat(CorrectedData.parse("C06", String.format("%-17s   %s", "9876543", "27"))).contains(
        new CorrectedData("C06", null, "9876543", TransactionCode.CHECKING_DEBIT));
    assertThat(CorrectedData.parse("C07", String.format("%s%-17s%s", "026009593", "555", "32"))).contains(
        new CorrectedData("C07", "026009593", "555", TransactionCode.SAVINGS_CREDIT));
  }

  @Test
  @DisplayName("data not laid out as its code says, a bad check digit, or a code that changes no account is not read")
  void refused() {
    assertThat(CorrectedData.parse("C02", "026009594")).as("check digit").isEmpty();
    assertThat(CorrectedData.parse("C01", "")).isEmpty();
    assertThat(CorrectedData.parse("C03", "026009593123456789")).as("no spaces in 10-12").isEmpty();
    assertThat(CorrectedData.parse("C05", "99")).isEmpty();
    assertThat(CorrectedData.parse("C04", "JANE DOE")).isEmpty();
    assertThat(CorrectedData.parse("C06", "12345678901234567   ")).as("no transaction code").isEmpty();
  }
}
