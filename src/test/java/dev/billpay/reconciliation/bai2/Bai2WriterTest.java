package dev.billpay.reconciliation.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BAI2 writer")
class Bai2WriterTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 3, 14);
  private static final GroupHeader GROUP = new GroupHeader("BILLPAY01", "122099999", 1, AS_OF,
      "2400", "USD", OptionalInt.of(2));

  @Test
  @DisplayName("writes every record, trailer total and count to the character")
  void goldenFile() {
    Bai2Statement statement = new Bai2Statement(header(OptionalInt.of(80)), GROUP, List.of(
        new Bai2Statement.Account("0001234567", "", List.of(Summary.balance("010", -250000),
            Summary.balance("015", 1100000)), List.of(
                new Bai2Statement.Entry("195", 2000000,
                    FundsType.valueDated(LocalDate.of(2024, 3, 15), "1130"), "FW24031400123",
                    "INV-7781", "WIRE FROM ACME CORP, NEW YORK/NY; REF pay_01HZX3Q9,"
                        + " PAYMENT FOR INVOICE 7781/2024, THANK YOU"),
                new Bai2Statement.Entry("166", 1250000, FundsType.IMMEDIATE, "ACH0314A", "",
                    "")))));

    assertThat(Bai2Writer.format(statement)).isEqualTo("""
        01,122099999,BILLPAY01,240315,0605,0042,80,,2/
        02,BILLPAY01,122099999,1,240314,2400,USD,2/
        03,0001234567,,010,-250000,,,015,1100000,,/
        16,195,2000000,V,240315,1130,FW24031400123,INV-7781,WIRE FROM ACME CORP
        88, NEW YORK/NY; REF pay_01HZX3Q9, PAYMENT FOR INVOICE 7781/2024, THANK YOU
        16,166,1250000,0,ACH0314A,,/
        49,4100000,5/
        98,4100000,1,7/
        99,4100000,1,9/
        """);
  }

  @Test
  @DisplayName("without a physical record length every record is one line")
  void variableLength() {
    String text = "A".repeat(200) + ", " + "B".repeat(200);
    Bai2Statement statement = new Bai2Statement(header(OptionalInt.empty()), GROUP, List.of(
        new Bai2Statement.Account("1", "USD", List.of(), List.of(
            new Bai2Statement.Entry("195", 1, FundsType.IMMEDIATE, "", "", text)))));

    String written = Bai2Writer.format(statement);

    assertThat(written.lines()).hasSize(7).noneMatch(line -> line.startsWith("88"));
    assertThat(Bai2Files.read(written).transactions().get(0).text()).isEqualTo(text);
  }

  @Test
  @DisplayName("a '/' after text only where it is needed: empty text, or text ending in a blank or '/'")
  void textTerminator() {
    Bai2Statement statement = new Bai2Statement(header(OptionalInt.empty()), GROUP, List.of(
        new Bai2Statement.Account("1", "USD", List.of(), List.of(
            entry("PLAIN TEXT"), entry(""), entry("ENDS IN A BLANK "), entry("INVOICE 12/"),
            entry("/"), entry("A/B, C/D")))));

    String written = Bai2Writer.format(statement);

    assertThat(written.lines().filter(line -> line.startsWith("16"))).containsExactly(
        "16,195,1,0,,,PLAIN TEXT",
        "16,195,1,0,,,/",
        "16,195,1,0,,,ENDS IN A BLANK /",
        "16,195,1,0,,,INVOICE 12//",
        "16,195,1,0,,,//",
        "16,195,1,0,,,A/B, C/D");
    assertThat(Bai2Files.read(written).transactions()).extracting(Transaction::text)
        .containsExactly("PLAIN TEXT", "", "ENDS IN A BLANK ", "INVOICE 12/", "/", "A/B, C/D");
  }

  @Test
  @DisplayName("a summary list too long for a line continues on an 88 between fields")
  void continuesIdentifierRecords() {
    Bai2Statement statement = new Bai2Statement(header(OptionalInt.of(50)), GROUP, List.of(
        new Bai2Statement.Account("0975312468", "GBP", List.of(Summary.balance("010", 500000),
            Summary.balance("015", -70000000), Summary.balance("040", 12), Summary.balance("045",
                -34)), List.of())));

    assertThat(Bai2Writer.format(statement).lines().skip(2).limit(3)).containsExactly(
        "03,0975312468,GBP,010,500000,,,015,-70000000,,/",
        "88,040,12,,,045,-34,,/",
        "49,-69500022,3/");
  }

  @Test
  @DisplayName("values that BAI2 cannot carry are refused rather than written wrong")
  void refusesWhatCannotBeWritten() {
    assertThatThrownBy(() -> Bai2Writer.format(new Bai2Statement(header(OptionalInt.empty()),
        GROUP, List.of(new Bai2Statement.Account("1", "", List.of(), List.of(
            new Bai2Statement.Entry("195", 1, FundsType.IMMEDIATE, "A/B", "", "")))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bank_reference_number must not contain ',' or '/'");
    assertThatThrownBy(() -> Bai2Writer.format(new Bai2Statement(header(OptionalInt.of(80)),
        GROUP, List.of(new Bai2Statement.Account("1", "", List.of(), List.of(
            entry("X".repeat(80))))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit the physical record length 80");
    assertThatThrownBy(() -> Bai2Writer.format(new Bai2Statement(header(OptionalInt.empty()),
        GROUP, List.of(new Bai2Statement.Account("1", "", List.of(), List.of(
            entry("LINE\nBREAK")))))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("text must be printable ASCII");
    assertThatThrownBy(() -> Bai2Writer.format(new Bai2Statement(header(OptionalInt.of(40)),
        GROUP, List.of()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("physical record length must be at least 50");
  }

  private static Bai2Statement.Entry entry(String text) {
    return new Bai2Statement.Entry("195", 1, FundsType.IMMEDIATE, "", "", text);
  }

  private static FileHeader header(OptionalInt physicalRecordLength) {
    return new FileHeader("122099999", "BILLPAY01", LocalDate.of(2024, 3, 15), "0605", "0042",
        physicalRecordLength, OptionalInt.empty());
  }
}
