package dev.billpay.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validating a whole bank account")
class BankAccountValidatorTest {
  private static RoutingDirectory sampleDirectory;

  private final BankAccountValidator withoutDirectory =
      new BankAccountValidator(RoutingDirectory.empty());

  @BeforeAll
  static void loadSample() throws IOException {
    sampleDirectory = RoutingDirectory.load(Path.of("conf/routing-directory-sample.txt"));
  }

  @Test
  @DisplayName("a valid US account has no problems")
  void validUsAccount() {
    assertThat(withoutDirectory.validateUs("021000021", "123456789", "checking")).isEmpty();
    assertThat(new BankAccountValidator(sampleDirectory)
        .validateUs("021000021", "123456789", "savings")).isEmpty();
  }

  @Test
  @DisplayName("every problem is reported at once, each against its own field")
  void reportsAllProblems() {
    assertThat(new BankAccountValidator(sampleDirectory).validateUs("021000020", "12-34", "cash"))
        .extracting(ValidationProblem::code, ValidationProblem::field)
        .containsExactly(
            tuple("routing_number.checksum", "routing_number"),
            tuple("account_number.format", "account_number"),
            tuple("account_type.invalid", "account_type"));
    assertThat(withoutDirectory.validateUs("990000001", "123", null))
        .extracting(ValidationProblem::code)
        .containsExactly("routing_number.prefix", "routing_number.checksum",
            "account_number.format", "account_type.invalid");
  }

  @Test
  @DisplayName("missing fields are each reported as required")
  void missingFields() {
    assertThat(withoutDirectory.validateUs(null, null, null))
        .extracting(ValidationProblem::code, ValidationProblem::field, ValidationProblem::message)
        .containsExactly(
            tuple("routing_number.format", "routing_number", "is required"),
            tuple("account_number.format", "account_number", "is required"),
            tuple("account_type.invalid", "account_type", "is required"));
  }

  @Test
  @DisplayName("a valid routing number missing from a loaded directory is not a FedACH participant")
  void notAParticipant() {
    BankAccountValidator validator = new BankAccountValidator(sampleDirectory);
    qt().forAll(ValidBankNumbers.abaRoutingNumbers())
        .assuming(number -> !sampleDirectory.contains(number))
        .checkAssert(number -> assertThat(validator.validateUs(number, "12345678", "checking"))
            .containsExactly(new ValidationProblem("routing_number.not_ach_participant",
                "routing_number", "is not a FedACH participant: an ACH debit cannot reach this bank")));
  }

  @Test
  @DisplayName("a replaced number is refused with the number that replaced it as the suggestion")
  void replacedNumberSuggested() {
    assertThat(new BankAccountValidator(sampleDirectory).validateUs("063100992", "12345678", "checking"))
        .containsExactly(new ValidationProblem("routing_number.replaced", "routing_number",
            "was replaced by 063100277 (EXAMPLE COASTAL SAVINGS); use the new routing number", "063100277"));
    assertThat(new BankAccountValidator(sampleDirectory).validateUs("063100277", "12345678", "checking"))
        .isEmpty();
  }

  @Test
  @DisplayName("the bank's name comes from the directory")
  void bankName() {
    assertThat(new BankAccountValidator(sampleDirectory).bankName("021000089")).contains("CITIBANK NA");
    assertThat(withoutDirectory.bankName("021000089")).isEmpty();
  }

  @Test
  @DisplayName("without a directory, any valid routing number is accepted")
  void noDirectoryNoMembershipCheck() {
    qt().forAll(ValidBankNumbers.abaRoutingNumbers()).checkAssert(number ->
        assertThat(withoutDirectory.validateUs(number, "12345678", "checking")).isEmpty());
  }

  @Test
  @DisplayName("a malformed routing number is not also reported as missing from the directory")
  void noDirectoryNoiseForMalformedNumbers() {
    BankAccountValidator validator = new BankAccountValidator(sampleDirectory);
    assertThat(validator.validateUs("02100002", "12345678", "checking"))
        .extracting(ValidationProblem::code).containsExactly("routing_number.format");
    assertThat(validator.validateUs("021000020", "12345678", "checking"))
        .extracting(ValidationProblem::code).containsExactly("routing_number.checksum");
  }

  @Test
  @DisplayName("IBAN problems are reported against the iban field")
  void ibanField() {
    assertThat(withoutDirectory.validateIban("GB82 WEST 1234 5698 7654 32")).isEmpty();
    assertThat(withoutDirectory.validateIban("GB82WEST1234569876543"))
        .extracting(ValidationProblem::code, ValidationProblem::field)
        .contains(tuple("iban.length", "iban"));
    assertThat(withoutDirectory.validateIban(null))
        .containsExactly(new ValidationProblem("iban.format", "iban", "is required"));
  }
}
