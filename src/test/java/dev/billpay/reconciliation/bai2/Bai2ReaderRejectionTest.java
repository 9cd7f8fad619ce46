package dev.billpay.reconciliation.bai2;

import static dev.billpay.reconciliation.bai2.Bai2Files.SAMPLE;
import static dev.billpay.reconciliation.bai2.Bai2Files.lines;
import static dev.billpay.reconciliation.bai2.Bai2Files.problems;
import static dev.billpay.reconciliation.bai2.Bai2Files.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BAI2 reader rejects malformed files")
class Bai2ReaderRejectionTest {
  private static final List<String> SAMPLE_LINES = lines(SAMPLE);

  @Test
  @DisplayName("a wrong account control total is reported on its 49, and only there")
  void wrongAccountControlTotal() {
    assertThat(problems(replace(SAMPLE_LINES, 12, "49,11550001,10/"))).containsExactly(
        new Bai2Problem(12, "account_control_total",
            "is 11550001 but the 03 and 16 amounts of the account add up to 11550000"));
  }

  @Test
  @DisplayName("a wrong record count in a 49 is reported on the 49")
  void wrongAccountRecordCount() {
    assertThat(problems(replace(SAMPLE_LINES, 12, "49,11550000,9/"))).containsExactly(
        new Bai2Problem(12, "number_of_records", "is 9 but the account has 10 records from its"
            + " 03 to this trailer, 88 continuations included"));
  }

  @Test
  @DisplayName("a wrong record count in a 98 is reported on the 98")
  void wrongGroupRecordCount() {
    assertThat(problems(replace(SAMPLE_LINES, 16, "98,12550000,2,14/"))).containsExactly(
        new Bai2Problem(16, "number_of_records", "is 14 but the group has 15 records from its"
            + " 02 to this trailer, 88 continuations included"));
  }

  @Test
  @DisplayName("a wrong record count in a 99 is reported on the 99")
  void wrongFileRecordCount() {
    assertThat(problems(replace(SAMPLE_LINES, 17, "99,12550000,1,18/"))).containsExactly(
        new Bai2Problem(17, "number_of_records", "is 18 but the file has 17 records from its"
            + " 01 to this trailer, 88 continuations included"));
  }

  @Test
  @DisplayName("wrong group and file totals and counts of accounts and groups are each reported")
  void otherTrailerFields() {
    assertThat(problems(replace(SAMPLE_LINES, 16, "98,12550001,3,15/"))).containsExactly(
        new Bai2Problem(16, "group_control_total",
            "is 12550001 but the account control totals of the group add up to 12550000"),
        new Bai2Problem(16, "number_of_accounts", "is 3 but there are 2 account(s) in the group"));
    assertThat(problems(replace(SAMPLE_LINES, 17, "99,-12550000,2,17/"))).containsExactly(
        new Bai2Problem(17, "file_control_total",
            "is -12550000 but the group control totals of the file add up to 12550000"),
        new Bai2Problem(17, "number_of_groups", "is 2 but there are 1 group(s) in the file"));
  }

  @Test
  @DisplayName("a 16 before any 03 is reported on its line")
  void transactionOutsideAccount() {
    assertThat(problems(List.of(
        "01,122099999,123456789,240315,0605,1,,,2/",
        "02,123456789,122099999,1,240314,,USD,/",
        "16,195,100,0,,,STRAY/",
        "03,0001234567,USD,/",
        "49,0,2/",
        "98,0,1,5/",
        "99,0,1,7/"))).containsExactly(new Bai2Problem(3, "record_code",
            "16 transaction detail outside an account (no 03 before it)"));
  }

  @Test
  @DisplayName("a file without its 99 is reported at its last line")
  void missingFileTrailer() {
    assertThat(problems(SAMPLE_LINES.subList(0, 16))).containsExactly(
        new Bai2Problem(16, "record_code", "the file ends without a 99 file trailer"));
  }

  @Test
  @DisplayName("a file cut off inside an account also names the open account and group")
  void truncatedFile() {
    assertThat(problems(SAMPLE_LINES.subList(0, 14))).extracting(Bai2Problem::message)
        .containsExactly(
            "the file ends before the 49 trailer of the account opened at line 13",
            "the file ends before the 98 trailer of the group opened at line 2",
            "the file ends without a 99 file trailer");
  }

  @Test
  @DisplayName("a non-numeric amount is reported on its line without also failing the 49 total")
  void nonNumericAmount() {
    assertThat(problems(replace(SAMPLE_LINES, 5,
        "16,166,12500O0,0,ACH0314A,CLR-20240314-01,ACH SETTLEMENT CLR-20240314-01")))
        .containsExactly(new Bai2Problem(5, "amount",
            "must be digits only, without sign or decimal point; was '12500O0'"));
  }

  @Test
  @DisplayName("a signed 16 amount is rejected: the type code gives the direction")
  void signedTransactionAmount() {
    assertThat(problems(replace(SAMPLE_LINES, 14, "16,475,+25000,1,CHK1001,1001,CHECK PAID")))
        .extracting(Bai2Problem::line, Bai2Problem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(14, "amount"));
  }

  @Test
  @DisplayName("an 88 with nothing before it to continue is reported on its line")
  void orphanContinuation() {
    List<String> lines = new ArrayList<>(SAMPLE_LINES);
    lines.add(0, "88,ORPHAN/");

    assertThat(problems(lines)).containsExactly(new Bai2Problem(1, "record_code",
        "88 continuation record with nothing to continue"));
  }

  @Test
  @DisplayName("an 88 after an empty line has nothing to continue either")
  void continuationAfterEmptyLine() {
    List<String> lines = new ArrayList<>(SAMPLE_LINES);
    lines.add(3, "");

    // its amount is lost, so the account total is not checked; its record still counts
    assertThat(problems(lines)).containsExactly(
        new Bai2Problem(4, "record", "is empty; every line of a BAI2 file is a record"),
        new Bai2Problem(5, "record_code", "88 continuation record with nothing to continue"));
  }

  @Test
  @DisplayName("every problem of a file is collected, in file order, not just the first")
  void collectsAllProblems() {
    List<String> lines = replace(SAMPLE_LINES, 2, "02,BILLPAY01,122099999,1,240231,2400,USD,2/");
    lines = replace(lines, 9, "16,115,100000,X,LBX991,,LOCKBOX DEPOSIT");
    lines = replace(lines, 15, "49,1000001,3/");
    lines = replace(lines, 17, "99,12550000,1,16/");

    assertThat(problems(lines)).extracting(Bai2Problem::line, Bai2Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "as_of_date"),
            org.assertj.core.groups.Tuple.tuple(9, "funds_type"),
            org.assertj.core.groups.Tuple.tuple(15, "account_control_total"),
            org.assertj.core.groups.Tuple.tuple(17, "number_of_records"));
  }

  @Test
  @DisplayName("a record longer than the physical record length of the 01 header is rejected")
  void recordTooLong() {
    List<String> lines = replace(SAMPLE_LINES, 9,
        "16,115,100000,S,50000,30000,20000,LBX991,,LOCKBOX DEPOSIT " + "X".repeat(30));

    assertThat(problems(lines)).containsExactly(new Bai2Problem(9, "record",
        "is 88 characters long; the 01 header sets the physical record length to 80"));
  }

  @Test
  @DisplayName("records other than 16 must end with '/' and have nothing after it")
  void recordTerminator() {
    assertThat(problems(replace(SAMPLE_LINES, 15, "49,1000000,3")))
        .containsExactly(new Bai2Problem(15, "record", "does not end with '/'"));
    assertThat(problems(replace(SAMPLE_LINES, 15, "49,1000000,3/x")))
        .containsExactly(new Bai2Problem(15, "record", "has characters after the '/' that ends it"));
  }

  @Test
  @DisplayName("a version other than 2, an unknown record code and records after the 99 are rejected")
  void structure() {
    assertThat(problems(replace(SAMPLE_LINES, 1, "01,122099999,BILLPAY01,240315,0605,0042,80,,3/")))
        .containsExactly(new Bai2Problem(1, "version_number", "must be 2 (BAI2); was '3'"));
    List<String> withUnknown = new ArrayList<>(SAMPLE_LINES);
    withUnknown.add(16, "77,SOMETHING/");
    withUnknown.add("16,195,100,0,,,LATE");
    assertThat(problems(withUnknown)).containsExactly(
        new Bai2Problem(17, "record_code", "unknown record code '77'"),
        new Bai2Problem(18, "number_of_records", "is 17 but the file has 18 records from its 01"
            + " to this trailer, 88 continuations included"),
        new Bai2Problem(19, "record_code", "no record may follow the 99 file trailer"));
  }

  @Test
  @DisplayName("a missing 49 is reported where the next account starts")
  void missingAccountTrailer() {
    List<String> lines = new ArrayList<>(SAMPLE_LINES);
    lines.remove(11);

    assertThat(problems(lines)).extracting(Bai2Problem::line, Bai2Problem::message)
        .contains(org.assertj.core.groups.Tuple.tuple(12,
            "03 account identifier before the 49 trailer of the account opened at line 3"));
  }

  @Test
  @DisplayName("the reader gives up after " + Bai2Reader.MAX_PROBLEMS + " problems")
  void problemCap() {
    List<String> lines = new ArrayList<>(SAMPLE_LINES.subList(0, 3));
    for (int i = 0; i < 500; i++) {
      lines.add("16,195,1O0,0,,,BAD AMOUNT");
    }
    lines.addAll(SAMPLE_LINES.subList(11, 17));

    assertThatThrownBy(() -> Bai2Files.read(lines)).isInstanceOf(Bai2FormatException.class)
        .satisfies(e -> assertThat(((Bai2FormatException) e).problems())
            .hasSize(Bai2Reader.MAX_PROBLEMS + 1)
            .last().extracting(Bai2Problem::message)
            .isEqualTo("too many problems; stopped reading here"));
  }

  @Test
  @DisplayName("a ',/' before an 88 that breaks the record either way is named as the cause, before its consequences")
  void commaBeforeContinuationNamedAsTheCause() {
    List<Bai2Problem> problems = problems(List.of(
        "01,122099999,123456789,240315,0200,1,,,2/",
        "02,031001234,122099999,1,240314,2359,USD,2/",
        "03,0001234567,USD,010,500000,,,/",
        "88,15X,1100000,,/",
        "49,1600000,3/",
        "98,1600000,1,5/",
        "99,1600000,1,7/"));

    assertThat(problems).containsExactly(
        new Bai2Problem(3, "record", "ends with ',/' and is continued on line 4: read with that"
            + " comma as an empty field or as the end of the field before it, the record does not"
            + " parse either way; the problems of the reading with fewer of them follow"),
        new Bai2Problem(4, "type_code", "must be three digits; was '15X'"));
  }
}
