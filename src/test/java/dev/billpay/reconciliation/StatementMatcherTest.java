package dev.billpay.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.reconciliation.MatchResult.FileSettled;
import dev.billpay.reconciliation.MatchResult.How;
import dev.billpay.reconciliation.MatchResult.PaymentMatched;
import dev.billpay.reconciliation.MatchResult.Reason;
import dev.billpay.reconciliation.MatchResult.Unmatched;
import dev.billpay.reconciliation.bai2.Bai2File;
import dev.billpay.reconciliation.bai2.Bai2Reader;
import dev.billpay.reconciliation.bai2.Bai2TypeCodes;
import dev.billpay.reconciliation.bai2.FundsType;
import dev.billpay.reconciliation.bai2.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Statement matcher")
class StatementMatcherTest {
  private static final LocalDate DAY = LocalDate.of(2024, 3, 14);
  private static final StatementMatcher MATCHER = new StatementMatcher();

  @Nested
  @DisplayName("ACH settlement credits")
  class AchSettlements {
    @Test
    @DisplayName("settle the one clearing file with the same total and effective date")
    void settlesTheMatchingFile() {
      List<MatchResult> results = MATCHER.match(List.of(credit(5, "166", 1250000, "", "", "")),
          List.of(file("clr_a", 1250000, DAY.minusDays(1)), file("clr_b", 1250000, DAY),
              file("clr_c", 1250001, DAY)), List.of());

      assertThat(results).containsExactly(new FileSettled(5, "clr_b"));
    }

    @Test
    @DisplayName("with no clearing file of that total and date are an exception")
    void noCandidate() {
      List<MatchResult> results = MATCHER.match(List.of(credit(5, "165", 1250000, "", "", "")),
          List.of(file("clr_a", 1250000, DAY.plusDays(1)), file("clr_b", 999, DAY)), List.of());

      assertThat(results).containsExactly(new Unmatched(5, Reason.NO_MATCHING_CLEARING_FILE,
          "no unsettled clearing file has total 1250000 USD, effective on 2024-03-14"));
    }

    @Test
    @DisplayName("match effective dates within the clearing window when one is configured")
    void clearingWindow() {
      List<MatchResult> results = new StatementMatcher(1, 3).match(
          List.of(credit(5, "169", 1250000, "", "", "")),
          List.of(file("clr_a", 1250000, DAY.plusDays(1))), List.of());

      assertThat(results).containsExactly(new FileSettled(5, "clr_a"));
    }

    @Test
    @DisplayName("with two fitting clearing files are an exception naming both")
    void ambiguous() {
      List<MatchResult> results = MATCHER.match(List.of(credit(5, "166", 1250000, "", "", "")),
          List.of(file("clr_b", 1250000, DAY), file("clr_a", 1250000, DAY)), List.of());

      assertThat(results).containsExactly(new Unmatched(5, Reason.AMBIGUOUS_CLEARING_FILE,
          "clearing files clr_a, clr_b all have total 1250000 USD, effective on 2024-03-14"));
    }

    @Test
    @DisplayName("never settle the same clearing file twice")
    void sameFileNotSettledTwice() {
      List<MatchResult> results = MATCHER.match(List.of(credit(5, "166", 1250000, "", "", ""),
          credit(6, "166", 1250000, "", "", "")), List.of(file("clr_a", 1250000, DAY)), List.of());

      assertThat(results).containsExactly(new FileSettled(5, "clr_a"),
          new Unmatched(6, Reason.DUPLICATE_MATCH, "the clearing file with total 1250000 USD,"
              + " effective on 2024-03-14 was already settled: clr_a by line 5"));
    }

    @Test
    @DisplayName("need the same currency")
    void currency() {
      List<MatchResult> results = MATCHER.match(List.of(credit(5, "166", 1250000, "", "", "")),
          List.of(new ClearingFileCandidate("clr_a", 1250000, "CAD", DAY)), List.of());

      assertThat(results).extracting(result -> ((Unmatched) result).reason())
          .containsExactly(Reason.NO_MATCHING_CLEARING_FILE);
    }
  }

  @Nested
  @DisplayName("incoming credits")
  class IncomingCredits {
    @Test
    @DisplayName("match the payment whose id is in the customer reference, bank reference or text")
    void byReference() {
      List<MatchResult> results = MATCHER.match(List.of(
              credit(6, "195", 2000000, "", "pay_01HZX3Q9", "WIRE FROM ACME"),
              credit(7, "206", 5000, "INV-2024-001", "", ""),
              credit(8, "208", 7000, "", "", "REMITTANCE; REF: PAY_02ABC. THANK YOU")),
          List.of(), List.of(payment("pay_01HZX3Q9", null, 2000000, DAY.plusDays(20)),
              payment("pay_x", "inv-2024-001", 5000, DAY),
              payment("pay_02abc", null, 7000, DAY)));

      assertThat(results).containsExactly(new PaymentMatched(6, "pay_01HZX3Q9", How.REFERENCE),
          new PaymentMatched(7, "pay_x", How.REFERENCE),
          new PaymentMatched(8, "pay_02abc", How.REFERENCE));
    }

    @Test
    @DisplayName("match references as whole tokens only")
    void wholeTokens() {
      List<MatchResult> results = MATCHER.match(List.of(
              credit(6, "195", 100, "", "", "FOR INV-77812 AND XINV-7781")),
          List.of(), List.of(payment("pay_a", "INV-7781", 100, DAY.minusDays(30))));

      assertThat(results).extracting(result -> ((Unmatched) result).reason())
          .containsExactly(Reason.UNMATCHED_CREDIT);
    }

    @Test
    @DisplayName("that name a payment of another amount are an amount mismatch")
    void amountMismatch() {
      List<MatchResult> results = MATCHER.match(List.of(
              credit(6, "195", 199900, "", "ACME 7781", ""),
              credit(7, "195", 5000, "", "pay_eur", "")),
          List.of(), List.of(payment("pay_a", "acme 7781", 200000, DAY),
              new ExpectedPayment("pay_eur", null, 5000, "EUR", DAY)));

      assertThat(results).containsExactly(
          new Unmatched(6, Reason.AMOUNT_MISMATCH,
              "the credit of 199900 USD names payment pay_a, which expects 200000 USD"),
          new Unmatched(7, Reason.AMOUNT_MISMATCH,
              "the credit of 5000 USD names payment pay_eur, which expects 5000 EUR"));
    }

    @Test
    @DisplayName("without a reference match the one payment of that amount within three days")
    void byAmountAndDate() {
      List<MatchResult> results = MATCHER.match(List.of(credit(9, "195", 100000, "", "", "")),
          List.of(), List.of(payment("pay_early", null, 100000, DAY.minusDays(4)),
              payment("pay_cad", null, 100000, DAY, "CAD"),
              payment("pay_ok", null, 100000, DAY.plusDays(3))));

      assertThat(results).containsExactly(new PaymentMatched(9, "pay_ok", How.AMOUNT_DATE));
    }

    @Test
    @DisplayName("with no payment of that amount and date are an unmatched credit")
    void unmatchedCredit() {
      List<MatchResult> results = MATCHER.match(List.of(credit(9, "195", 100000, "", "", "")),
          List.of(), List.of(payment("pay_early", null, 100000, DAY.minusDays(4))));

      assertThat(results).containsExactly(new Unmatched(9, Reason.UNMATCHED_CREDIT, "the credit"
          + " names no expected payment and no unmatched payment has 100000 USD expected within"
          + " 3 day(s) of 2024-03-14"));
    }

    @Test
    @DisplayName("with two payments of that amount and date are ambiguous")
    void ambiguousByAmount() {
      List<MatchResult> results = MATCHER.match(List.of(credit(9, "195", 100000, "", "", "")),
          List.of(), List.of(payment("pay_b", null, 100000, DAY.minusDays(1)),
              payment("pay_a", null, 100000, DAY.plusDays(2))));

      assertThat(results).containsExactly(new Unmatched(9, Reason.AMBIGUOUS_PAYMENT,
          "payments pay_a, pay_b all have 100000 USD expected within 3 day(s) of 2024-03-14"));
    }

    @Test
    @DisplayName("that name two payments are ambiguous")
    void ambiguousByReference() {
      List<MatchResult> results = MATCHER.match(
          List.of(credit(9, "195", 100000, "", "pay_a", "ALSO pay_b")),
          List.of(), List.of(payment("pay_a", null, 100000, DAY),
              payment("pay_b", null, 100000, DAY)));

      assertThat(results).containsExactly(new Unmatched(9, Reason.AMBIGUOUS_PAYMENT,
          "the credit names payments pay_a, pay_b"));
    }

    @Test
    @DisplayName("never match the same payment twice, by amount or by reference")
    void samePaymentNotMatchedTwice() {
      List<MatchResult> results = MATCHER.match(List.of(
              credit(9, "195", 100000, "", "", ""),
              credit(10, "195", 100000, "", "", ""),
              credit(11, "195", 500, "", "pay_r", ""),
              credit(12, "195", 500, "", "", "AGAIN pay_r")),
          List.of(), List.of(payment("pay_a", null, 100000, DAY),
              payment("pay_r", null, 500, DAY)));

      assertThat(results).containsExactly(
          new PaymentMatched(9, "pay_a", How.AMOUNT_DATE),
          new Unmatched(10, Reason.DUPLICATE_MATCH, "every payment of 100000 USD expected within"
              + " 3 day(s) of 2024-03-14 is already matched: pay_a by line 9"),
          new PaymentMatched(11, "pay_r", How.REFERENCE),
          new Unmatched(12, Reason.DUPLICATE_MATCH,
              "the credit names a payment already matched: pay_r by line 11"));
    }

    @Test
    @DisplayName("a payment named by a later line is not taken by an earlier unreferenced one")
    void referencesFirst() {
      List<MatchResult> results = MATCHER.match(List.of(
              credit(9, "195", 100000, "", "", "NO REFERENCE"),
              credit(10, "195", 100000, "", "pay_named", "")),
          List.of(), List.of(payment("pay_named", null, 100000, DAY),
              payment("pay_other", null, 100000, DAY)));

      assertThat(results).containsExactly(new PaymentMatched(9, "pay_other", How.AMOUNT_DATE),
          new PaymentMatched(10, "pay_named", How.REFERENCE));
    }

    @Test
    @DisplayName("whose reference has the wrong amount keep that payment from amount matching")
    void mismatchedPaymentIsTaken() {
      List<MatchResult> results = MATCHER.match(List.of(
              credit(9, "195", 99, "", "pay_a", ""),
              credit(10, "195", 100, "", "", "")),
          List.of(), List.of(payment("pay_a", null, 100, DAY)));

      assertThat(results).extracting(result -> ((Unmatched) result).reason())
          .containsExactly(Reason.AMOUNT_MISMATCH, Reason.DUPLICATE_MATCH);
    }
  }

  @Test
  @DisplayName("debits are unexpected; lines that move no money give no result")
  void debitsAndNonMonetary() {
    List<MatchResult> results = MATCHER.match(List.of(
            credit(10, "455", 2000000, "ACHD0314", "", ""),
            credit(11, "890", 0, "", "", "STATEMENT NOTE"),
            credit(12, "721", 5000, "", "", "LOAN CODE")),
        List.of(), List.of());

    assertThat(results).containsExactly(
        new Unmatched(10, Reason.UNEXPECTED_DEBIT,
            "a debit of 2000000 USD (Preauthorized ACH Debit) left the account"),
        new Unmatched(12, Reason.UNCLASSIFIED_TRANSACTION,
            "type code 721 moves 5000 USD but is neither a credit nor a debit code"));
  }

  @Test
  @DisplayName("results keep statement order and do not depend on the order of candidates")
  void deterministic() {
    List<BankTransaction> statement = List.of(
        credit(3, "195", 700, "", "", ""),
        credit(4, "166", 1000, "", "", ""),
        credit(5, "455", 50, "", "", ""),
        credit(6, "195", 300, "", "pay_3", ""),
        credit(7, "166", 2000, "", "", ""),
        credit(8, "195", 700, "", "", ""));
    List<ClearingFileCandidate> files = new ArrayList<>(List.of(file("clr_1", 1000, DAY),
        file("clr_2", 2000, DAY), file("clr_3", 2000, DAY.plusDays(1))));
    List<ExpectedPayment> payments = new ArrayList<>(List.of(payment("pay_1", null, 700, DAY),
        payment("pay_2", null, 700, DAY.plusDays(1)), payment("pay_3", null, 300, DAY)));
    List<MatchResult> expected = MATCHER.match(statement, files, payments);

    Random random = new Random(20240314);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(files, random);
      Collections.shuffle(payments, random);
      assertThat(MATCHER.match(statement, files, payments)).isEqualTo(expected);
    }
    assertThat(expected).extracting(MatchResult::txLine).containsExactly(3, 4, 5, 6, 7, 8);
  }

  @Test
  @DisplayName("the sample statement: settlement, wire by reference, lockbox by amount, two debits")
  void sampleStatement() throws IOException {
    Bai2File file;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(getClass()
        .getResourceAsStream("/bai2/statement-sample.bai2"), StandardCharsets.US_ASCII))) {
      file = Bai2Reader.read(in);
    }

    List<MatchResult> results = MATCHER.match(Bai2Statements.of(file).stream().flatMap(s -> s.transactions().stream()).toList(),
        List.of(file("clr_20240314_01", 1250000, DAY), file("clr_20240313_01", 1250000,
            DAY.minusDays(1))),
        List.of(payment("pay_01HZX3Q9", "INV-7781", 2000000, DAY.minusDays(7)),
            payment("pay_lockbox", null, 100000, DAY.plusDays(2))));

    assertThat(results).containsExactly(
        new FileSettled(5, "clr_20240314_01"),
        new PaymentMatched(6, "pay_01HZX3Q9", How.REFERENCE),
        new PaymentMatched(9, "pay_lockbox", How.AMOUNT_DATE),
        new Unmatched(10, Reason.UNEXPECTED_DEBIT,
            "a debit of 2000000 USD (Preauthorized ACH Debit) left the account"),
        new Unmatched(14, Reason.UNEXPECTED_DEBIT,
            "a debit of 25000 USD (Check Paid) left the account"));
  }

  @Test
  @DisplayName("negative windows and candidates listed twice are refused")
  void refusesBadInput() {
    assertThatThrownBy(() -> new StatementMatcher(-1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MATCHER.match(List.of(), List.of(),
        List.of(payment("pay_a", null, 1, DAY), payment("pay_a", null, 2, DAY))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("payment id listed twice: pay_a");
  }

  static BankTransaction credit(int line, String typeCode, long amount, String bankReference,
      String customerReference, String text) {
    return Bai2Statements.transaction(new Transaction(line, typeCode, amount, Bai2TypeCodes.direction(typeCode),
        FundsType.IMMEDIATE, bankReference, customerReference, text, "USD", DAY));
  }

  static ClearingFileCandidate file(String id, long total, LocalDate effectiveDate) {
    return new ClearingFileCandidate(id, total, "USD", effectiveDate);
  }

  static ExpectedPayment payment(String id, String reference, long amount, LocalDate date) {
    return payment(id, reference, amount, date, "USD");
  }

  static ExpectedPayment payment(
      String id, String reference, long amount, LocalDate date, String currency) {
    return new ExpectedPayment(id, reference, amount, currency, date);
  }
}
