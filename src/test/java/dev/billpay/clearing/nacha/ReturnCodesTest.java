package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Return and change codes")
class ReturnCodesTest {

  @Test
  @DisplayName("names return codes as the NACHA rules do")
  void titles() {
    assertThat(ReturnCodes.returnDescription("R01")).hasValue("Insufficient Funds");
    assertThat(ReturnCodes.returnDescription("R03")).hasValue("No Account/Unable to Locate Account");
    assertThat(ReturnCodes.returnDescription("R10")).hasValue("Customer Advises Originator is Not "
        + "Known to Receiver and/or Originator is Not Authorized by Receiver to Debit Receiver's "
        + "Account");
    assertThat(ReturnCodes.returnDescription("R29"))
        .hasValue("Corporate Customer Advises Not Authorized");
    assertThat(ReturnCodes.changeDescription("C01")).hasValue("Incorrect DFI Account Number");
    assertThat(ReturnCodes.returnCodes()).containsKeys("R01", "R47", "R53", "R77", "R85")
        .doesNotContainKeys("R00", "R48", "R60", "R78", "R86");
    assertThat(ReturnCodes.changeCodes()).hasSize(13);
  }

  @Test
  @DisplayName("exactly R02, R03, R04, R05, R07, R10 and R29 block the account")
  void blocking() {
    List<String> blocking = ReturnCodes.returnCodes().keySet().stream()
        .filter(ReturnCodes::blocksAccount).toList();
    assertThat(blocking).containsExactly("R02", "R03", "R04", "R05", "R07", "R10", "R29");
    assertThat(ReturnCodes.blocksAccount(null)).isFalse();
  }

  @Test
  @DisplayName("a return or NOC keeps the family of the entry it answers: 27 to 26, 22 to 21")
  void returnTransactionCodes() {
    assertThat(TransactionCode.CHECKING_DEBIT.returnCode()).isEqualTo(
        TransactionCode.CHECKING_RETURN_DEBIT);
    assertThat(TransactionCode.SAVINGS_DEBIT.returnCode()).isEqualTo(
        TransactionCode.SAVINGS_RETURN_DEBIT);
    assertThat(TransactionCode.CHECKING_CREDIT.returnCode()).isEqualTo(
        TransactionCode.CHECKING_RETURN_CREDIT);
    assertThat(TransactionCode.SAVINGS_CREDIT.returnCode()).isEqualTo(
        TransactionCode.SAVINGS_RETURN_CREDIT);
    assertThat(TransactionCode.CHECKING_PRENOTE_DEBIT.returnCode()).isEqualTo(
        TransactionCode.CHECKING_RETURN_DEBIT);
    assertThat(TransactionCode.CHECKING_RETURN_DEBIT.isDebit()).isTrue();
    assertThat(TransactionCode.CHECKING_RETURN_CREDIT.isDebit()).isFalse();
  }
}
