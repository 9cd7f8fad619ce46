package dev.billpay.reconciliation.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BAI2 writer and reader round trip")
class Bai2RoundTripTest {
  @Test
  @DisplayName("whatever the writer writes, the reader reads back to the same statement")
  void writeThenRead() {
    qt().forAll(Bai2Statements.statements()).checkAssert(statement -> {
      Bai2File file = Bai2Files.read(Bai2Writer.format(statement));

      assertThat(file.header()).isEqualTo(statement.header());
      assertThat(file.groups()).hasSize(1);
      assertThat(file.groups().get(0).header()).isEqualTo(statement.group());
      assertThat(asStatementAccounts(file.groups().get(0).accounts()))
          .isEqualTo(withCurrencies(statement));
    });
  }

  @Test
  @DisplayName("transactions get the account's currency, a direction and a value date")
  void derivedFields() {
    qt().forAll(Bai2Statements.statements()).checkAssert(statement -> {
      Group group = Bai2Files.read(Bai2Writer.format(statement)).groups().get(0);
      for (Account account : group.accounts()) {
        for (Transaction tx : account.transactions()) {
          assertThat(tx.currency()).isEqualTo(account.currency());
          assertThat(tx.direction()).isEqualTo(Bai2TypeCodes.direction(tx.typeCode()));
          LocalDate expected = tx.fundsType().equals("V")
              ? tx.funds().valueDate() : group.asOfDate();
          assertThat(tx.valueDate()).isEqualTo(expected);
        }
      }
    });
  }

  @Test
  @DisplayName("no line is longer than the physical record length, and the lines are counted")
  void physicalRecordLength() {
    qt().forAll(Bai2Statements.statements()).checkAssert(statement -> {
      List<String> lines = Bai2Writer.format(statement).lines().toList();
      statement.header().physicalRecordLength().ifPresent(length ->
          assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(length)));
      assertThat(lines.get(lines.size() - 1)).endsWith("," + lines.size() + "/");
    });
  }

  @Test
  @DisplayName("any printable text survives a file without a physical record length exactly")
  void anyTextWithoutLengthLimit() {
    qt().forAll(Bai2Statements.anyTexts()).checkAssert(text -> {
      Bai2Statement statement = singleEntry(OptionalInt.empty(), text);

      assertThat(Bai2Files.read(Bai2Writer.format(statement)).transactions().get(0).text())
          .isEqualTo(text);
    });
  }

  @Test
  @DisplayName("text with commas, slashes and blanks survives being split across 88 records")
  void textAcrossContinuations() {
    qt().forAll(Bai2Statements.texts(), Bai2Statements.texts(), Bai2Statements.texts())
        .checkAssert((first, second, third) -> {
          String text = first + "," + second + "," + third;
          Bai2Statement statement = singleEntry(OptionalInt.of(50), text);

          assertThat(Bai2Files.read(Bai2Writer.format(statement)).transactions().get(0).text())
              .isEqualTo(text);
        });
  }

  private static Bai2Statement singleEntry(OptionalInt length, String text) {
    return new Bai2Statement(new FileHeader("A", "B", LocalDate.of(2024, 1, 2), "0000", "1",
        length, OptionalInt.empty()), new GroupHeader("", "B", 1, LocalDate.of(2024, 1, 1), "",
        "USD", OptionalInt.empty()), List.of(new Bai2Statement.Account("1", "", List.of(),
        List.of(new Bai2Statement.Entry("195", 100, FundsType.IMMEDIATE, "REF", "", text)))));
  }

  /** The statement's accounts as the reader returns them: the group currency filled in. */
  private static List<Bai2Statement.Account> withCurrencies(Bai2Statement statement) {
    return statement.accounts().stream().map(account -> new Bai2Statement.Account(
        account.accountNumber(), account.currency().isEmpty()
            ? statement.group().currency() : account.currency(),
        account.summaries(), account.entries())).toList();
  }

  private static List<Bai2Statement.Account> asStatementAccounts(List<Account> accounts) {
    return accounts.stream().map(account -> new Bai2Statement.Account(account.accountNumber(),
        account.currency(), account.summaries(), account.transactions().stream()
            .map(tx -> new Bai2Statement.Entry(tx.typeCode(), tx.amountMinor(), tx.funds(),
                tx.bankReference(), tx.customerReference(), tx.text())).toList())).toList();
  }
}
