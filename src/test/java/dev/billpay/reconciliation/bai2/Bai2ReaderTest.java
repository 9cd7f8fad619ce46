package dev.billpay.reconciliation.bai2;

import static dev.billpay.reconciliation.bai2.Bai2Files.SAMPLE;
import static dev.billpay.reconciliation.bai2.Bai2Files.lines;
import static dev.billpay.reconciliation.bai2.Bai2Files.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.bai2.FundsType.Availability;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BAI2 reader")
class Bai2ReaderTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 3, 14);

  @Test
  @DisplayName("the sample statement reads into exactly the records it holds")
  void readsTheSample() {
    Bai2File file = read(lines(SAMPLE));

    assertThat(file.header()).isEqualTo(new FileHeader("122099999", "BILLPAY01",
        LocalDate.of(2024, 3, 15), "0605", "0042", OptionalInt.of(80), OptionalInt.empty()));
    assertThat(file.groups()).hasSize(1);
    Group group = file.groups().get(0);
    assertThat(group.header()).isEqualTo(new GroupHeader("BILLPAY01", "122099999", 1, AS_OF,
        "2400", "USD", OptionalInt.of(2)));
    assertThat(group.accounts()).containsExactly(operatingAccount(), secondAccount());
  }

  @Test
  @DisplayName("transactions come out in file order with the line of their 16 record")
  void transactionsInFileOrder() {
    assertThat(read(lines(SAMPLE)).transactions())
        .extracting(Transaction::line).containsExactly(5, 6, 9, 10, 11, 14);
  }

  @Test
  @DisplayName("the value date is the V funds type's date, else the group's as-of date")
  void valueDates() {
    assertThat(read(lines(SAMPLE)).transactions()).extracting(Transaction::valueDate)
        .containsExactly(AS_OF, LocalDate.of(2024, 3, 15), AS_OF, AS_OF, AS_OF, AS_OF);
  }

  @Test
  @DisplayName("the specification's own sample, 03 continued on 88s between fields, reads and adds up")
  void specificationSample() {
    Bai2File file = read(List.of(
        "01,122099999,123456789,040621,0200,1,65,,2/",
        "02,031001234,122099999,1,040620,2359,,2/",
        "03,0123456789,,010,+4350000,,,040,2830000,,/",
        "88,072,1020000,,,074,500000,,/",
        "16,115,450000,S,100000,200000,150000,,,/",
        "49,9150000,4/",
        "03,9876543210,,010,-500000,,,100,1000000,,,400,2000000,,,190/",
        "88,500000,,,110,1000000,,,072,500000,,,074,500000,,,040/",
        "88,-1500000,,/",
        "16,115,500000,S,,200000,300000,,,LOCK BOX NO.68751",
        "49,4000000,5/",
        "98,13150000,2,11/",
        "99,13150000,1,13/"));

    Group group = file.groups().get(0);
    assertThat(group.currency()).as("a defaulted group currency is USD").isEqualTo("USD");
    assertThat(group.accounts().get(1).summaries()).extracting(Summary::typeCode)
        .containsExactly("010", "100", "400", "190", "110", "072", "074", "040");
    assertThat(group.accounts().get(1).summaries().get(3)).isEqualTo(new Summary("190",
        OptionalLong.of(500000), OptionalInt.empty(), FundsType.UNKNOWN));
    assertThat(group.accounts().get(1).summaries().get(7).amountMinor())
        .hasValue(-1500000);
    Transaction lockbox = group.accounts().get(1).transactions().get(0);
    assertThat(lockbox.funds()).isEqualTo(FundsType.distributed(0, 200000, 300000));
    assertThat(lockbox.text()).isEqualTo("LOCK BOX NO.68751");
    assertThat(group.accounts().get(0).transactions().get(0).text())
        .as("a '/' right after the comma means no text").isEmpty();
  }

  @Test
  @DisplayName("a ',/' before an 88 that only ends the field before it is read so, when the spec's reading does not parse")
  void commaThatOnlyEndsTheFieldBeforeAContinuation() {
    // the bank ends the 010 summary's funds type with a comma, then the slash: read as the spec's
    // sample writes it, an empty type code would start the next summary, and 015 be its amount
    Bai2File file = read(List.of(
        "01,122099999,123456789,240315,0200,1,,,2/",
        "02,031001234,122099999,1,240314,2359,USD,2/",
        "03,0001234567,USD,010,500000,,,/",
        "88,015,1100000,,/",
        "16,166,1250000,0,ACH0314A,,/",
        "49,2850000,4/",
        "98,2850000,1,6/",
        "99,2850000,1,8/"));

    Account account = file.groups().get(0).accounts().get(0);
    assertThat(account.summaries()).containsExactly(
        new Summary("010", OptionalLong.of(500000), OptionalInt.empty(), FundsType.UNKNOWN),
        new Summary("015", OptionalLong.of(1100000), OptionalInt.empty(), FundsType.UNKNOWN));
    assertThat(account.transactions()).extracting(Transaction::amountMinor)
        .containsExactly(1250000L);
  }

  @Test
  @DisplayName("a 16 continued on 88s gets its references and text from them, a comma where each record ended")
  void textContinuedOnContinuationRecords() {
    Bai2File file = read(List.of(
        "01,122099999,123456789,040621,0200,1,,,2/",
        "02,031001234,122099999,1,040620,2359,USD,2/",
        "03,0975312468,,/",
        "16,115,10000000,S,5000000,4000000,1000000/",
        "88,AX13612,B096132,AMALGAMATED CORP. LOCKBOX",
        "88,DEPOSIT-MISC. RECEIVABLES",
        "49,10000000,5/",
        "98,10000000,1,7/",
        "99,10000000,1,9/"));

    Transaction lockbox = file.transactions().get(0);
    assertThat(lockbox.funds()).isEqualTo(FundsType.distributed(5000000, 4000000, 1000000));
    assertThat(lockbox.bankReference()).isEqualTo("AX13612");
    assertThat(lockbox.customerReference()).isEqualTo("B096132");
    assertThat(lockbox.text()).isEqualTo("AMALGAMATED CORP. LOCKBOX,DEPOSIT-MISC. RECEIVABLES");
  }

  @Test
  @DisplayName("text keeps its slashes and leading blank; only one '/' at the very end is a terminator")
  void slashesInText() {
    Bai2File file = read(List.of(
        "01,122099999,123456789,040621,0200,1,,,2/",
        "02,031001234,122099999,1,040620,2359,USD,2/",
        "03,0975312468,,/",
        "16,165,1500000,1,DD1620,, DEALER PAYMENTS",
        "16,195,100,0,,,REF 22/03/66 A/B",
        "16,195,100,0,,,ENDS WITH A SLASH//",
        "16,195,100,0,,,/",
        "49,1500300,6/",
        "98,1500300,1,8/",
        "99,1500300,1,10/"));

    assertThat(file.transactions()).extracting(Transaction::text).containsExactly(
        " DEALER PAYMENTS", "REF 22/03/66 A/B", "ENDS WITH A SLASH/", "");
  }

  @Test
  @DisplayName("fixed-length records padded with blanks read like unpadded ones")
  void paddedRecords() {
    List<String> padded = lines(SAMPLE).stream()
        .map(line -> line + " ".repeat(80 - line.length())).toList();

    assertThat(read(padded)).isEqualTo(read(lines(SAMPLE)));
  }

  @Test
  @DisplayName("Windows line ends and trailing empty lines after the 99 are accepted")
  void lineEnds() {
    String crlf = String.join("\r\n", lines(SAMPLE)) + "\r\n\r\n";

    assertThat(read(crlf)).isEqualTo(read(lines(SAMPLE)));
  }

  private static Account operatingAccount() {
    return new Account("0001234567", "USD", List.of(
        Summary.balance("010", -250000),
        Summary.balance("015", 1100000),
        new Summary("100", OptionalLong.of(3350000), OptionalInt.of(3), FundsType.IMMEDIATE),
        new Summary("400", OptionalLong.of(2000000), OptionalInt.of(1), FundsType.IMMEDIATE)),
        List.of(
            new Transaction(5, "166", 1250000, Direction.CREDIT, FundsType.IMMEDIATE, "ACH0314A",
                "CLR-20240314-01", "ACH SETTLEMENT CLR-20240314-01", "USD", AS_OF),
            new Transaction(6, "195", 2000000, Direction.CREDIT,
                FundsType.valueDated(LocalDate.of(2024, 3, 15), "1130"), "FW24031400123",
                "INV-7781",
                "WIRE FROM ACME CORP, NEW YORK/NY; REF pay_01HZX3Q9,PAYMENT FOR INVOICE 7781/2024",
                "USD", LocalDate.of(2024, 3, 15)),
            new Transaction(9, "115", 100000, Direction.CREDIT,
                FundsType.distributed(50000, 30000, 20000), "LBX991", "", "LOCKBOX DEPOSIT", "USD",
                AS_OF),
            new Transaction(10, "455", 2000000, Direction.DEBIT,
                FundsType.distributed(List.of(new Availability(1, 1500000),
                    new Availability(2, 500000))), "ACHD0314", "", "", "USD", AS_OF),
            new Transaction(11, "890", 0, Direction.NONE, FundsType.UNKNOWN, "", "",
                "STATEMENT INCLUDES SAME-DAY ACH, SEE PORTAL", "USD", AS_OF)));
  }

  private static Account secondAccount() {
    return new Account("0009876543", "USD",
        List.of(Summary.balance("010", 500000), Summary.balance("015", 475000)),
        List.of(new Transaction(14, "475", 25000, Direction.DEBIT, FundsType.ONE_DAY, "CHK1001",
            "1001", "CHECK PAID 1001", "USD", AS_OF)));
  }
}
