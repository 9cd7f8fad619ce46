package dev.billpay.banking.fedach;

import static dev.billpay.banking.fedach.FedAchRecords.participant;
import static dev.billpay.banking.fedach.FedAchRecords.replaced;
import static dev.billpay.banking.fedach.FedAchRecords.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billpay.banking.fedach.FedAchDirectoryException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a FedACH participant directory")
class FedAchDirectoryReaderTest {
  private static final List<Map<FedAchField, String>> RECORDS = List.of(
      with(with(participant("011000015", "FEDERAL RESERVE BANK OF BOSTON"), FedAchField.RECORD_TYPE_CODE, "0"),
          FedAchField.SERVICING_FRB_NUMBER, "011000015"),
      with(participant("021000021", "JPMORGAN CHASE BANK, NA"), FedAchField.OFFICE_CODE, "B"),
      replaced("063100992", "EXAMPLE GULF SAVINGS", "063100277"));

  @Test
  @DisplayName("the fixed-width file gives every field at its published position")
  void fixedWidth() throws Exception {
    FedAchDirectory directory = read(FedAchRecords.fixedWidth(RECORDS));

    assertThat(directory.format()).isEqualTo(FedAchDirectory.Format.FIXED_WIDTH);
    assertThat(directory.participants()).containsExactly(
        new FedAchParticipant("011000015", 'O', "011000015", '0', "072523", null,
            "FEDERAL RESERVE BANK OF BOSTON", "NEW YORK", "NY"),
        new FedAchParticipant("021000021", 'B', "021001208", '1', "072523", null,
            "JPMORGAN CHASE BANK, NA", "NEW YORK", "NY"),
        new FedAchParticipant("063100992", 'O', "021001208", '2', "072523", "063100277",
            "EXAMPLE GULF SAVINGS", "NEW YORK", "NY"));
    assertThat(directory.participants().get(0).isFederalReserveBank()).isTrue();
    assertThat(directory.participants().get(2).replacedBy()).contains("063100277");
    assertThat(directory.participants().get(1).replacedBy()).isEmpty();
  }

  @Test
  @DisplayName("the JSON download gives the same participants as the fixed-width file")
  void json() throws Exception {
    FedAchDirectory fromJson = read(FedAchRecords.json(RECORDS));

    assertThat(fromJson.format()).isEqualTo(FedAchDirectory.Format.JSON);
    assertThat(fromJson.participants()).isEqualTo(read(FedAchRecords.fixedWidth(RECORDS)).participants());
  }

  @Test
  @DisplayName("the format is told by content: a byte-order mark, leading blank lines, CRLF and trimmed filler are read")
  void detectionAndLineEndings() throws Exception {
    String crlfTrimmed = FedAchRecords.fixedWidth(RECORDS).replace("     \n", "\r\n");
    assertThat(read("\uFEFF" + crlfTrimmed).participants()).hasSize(3);
    FedAchDirectory json = read("\uFEFF\n  " + FedAchRecords.json(RECORDS));
    assertThat(json.format()).isEqualTo(FedAchDirectory.Format.JSON);
    assertThat(read("\n" + FedAchRecords.fixedWidth(RECORDS) + "\n\n").participants()).hasSize(3);
  }

  @Test
  @DisplayName("a malformed fixed-width record is refused with its line and the positions at fault")
  void malformedLine() {
    String file = FedAchRecords.fixedWidth(List.of(participant("011000015", "BOSTON"),
        participant("021000021", "CHASE"),
        with(with(participant("02100002X", "BAD"), FedAchField.RECORD_TYPE_CODE, "7"), FedAchField.CHANGE_DATE,
            "133199")));

    FedAchDirectoryException e = refused(file);

    assertThat(e.problems()).extracting(Problem::location).containsOnly("line 3");
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "positions 1-9 (routing number): must be 9 digits, was '02100002X'",
        "position 20 (record type code): must be 0 (a Federal Reserve Bank), 1 (this number) or 2 (the new"
            + " routing number), was '7'",
        "positions 21-26 (change date): must be a date as MMDDYY, was '133199'");
    assertThat(e).hasMessageStartingWith("FedACHdir.txt: line 3: positions 1-9 (routing number)")
        .hasMessageEndingWith("(and 2 more)");
  }

  @Test
  @DisplayName("a line of the wrong length is refused, and a Fedwire directory line is named as such")
  void wrongLength() {
    String fine = FedAchRecords.line(participant("011000015", "BOSTON"));
    assertThat(refused(fine + "\n" + fine.substring(0, 120) + "\n" + "9".repeat(101) + "\n" + fine + "X\n")
        .problems()).extracting(Problem::toString).containsExactly(
            "line 2: is 120 characters long; a FedACH record is 155",
            "line 3: is 101 characters long; a FedACH record is 155 (101 is a Fedwire directory record: the gateway"
                + " needs the FedACH participant file)",
            "line 4: is 156 characters long; a FedACH record is 155");
  }

  @Test
  @DisplayName("a replaced number without its new number, a repeated number and a bad office code are refused")
  void recordRules() {
    String file = FedAchRecords.fixedWidth(List.of(participant("011000015", "BOSTON"),
        replaced("063100992", "GULF", "000000000"),
        with(participant("011000015", "BOSTON AGAIN"), FedAchField.CUSTOMER_NAME, "SAME NUMBER"),
        with(participant("021000021", "CHASE"), FedAchField.OFFICE_CODE, "X"),
        participant("026009593", " ")));

    assertThat(refused(file).problems()).extracting(Problem::toString).containsExactly(
        "line 2: positions 27-35 (new routing number): record type 2 needs the number that replaces this one",
        "line 3: routing number 011000015 is listed again (first at line 1)",
        "line 4: position 10 (office code): must be O (main office) or B (branch), was 'X'",
        "line 5: positions 36-71 (customer name): must not be blank");
  }

  @Test
  @DisplayName("a malformed JSON entry is refused with its index and field name")
  void malformedJsonEntry() {
    Map<FedAchField, String> missingType = participant("021000021", "CHASE");
    missingType.remove(FedAchField.RECORD_TYPE_CODE);
    String file = FedAchRecords.json(List.of(participant("011000015", "BOSTON"),
        with(participant("11000015", "SHORT"), FedAchField.NEW_ROUTING_NUMBER, "0"), missingType));

    assertThat(refused(file).problems()).extracting(Problem::toString).containsExactly(
        "fedACHParticipants[1]: routingNumber: must be 9 digits, was '11000015'",
        "fedACHParticipants[1]: newRoutingNumber: must be 9 digits, was '0'",
        "fedACHParticipants[2]: recordTypeCode: is missing");
  }

  @Test
  @DisplayName("JSON that is not the FedACH download, and a file with no records, are refused as a whole")
  void notADirectory() {
    assertThat(refused("{\"fedACHParticipants\": ").problems()).singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("file: is not valid JSON"));
    assertThat(refused("{\"fedwireParticipants\": {\"fedwireParticipants\": []}}").problems()).singleElement()
        .hasToString("file: is the Fedwire participant directory: the gateway needs the FedACH one");
    assertThat(refused("[1, 2]").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("must be {\"fedACHParticipants\""));
    assertThat(refused("{\"fedACHParticipants\": {\"fedACHParticipants\": [7]}}").problems())
        .singleElement().hasToString("fedACHParticipants[0]: must be an object");
    assertThat(refused(FedAchRecords.json(List.of())).problems()).singleElement()
        .hasToString("file: has no participant records");
    assertThat(refused("\n\n").problems()).singleElement().hasToString("file: has no participant records");
  }

  @Test
  @DisplayName("a file of the wrong kind lists at most 50 problems")
  void problemsAreCapped() {
    assertThat(refused("not a directory\n".repeat(500)).problems()).hasSize(RecordCollector.MAX_PROBLEMS);
  }

  private static FedAchDirectory read(String content) throws FedAchDirectoryException {
    return FedAchDirectoryReader.read("FedACHdir.txt", content.getBytes(StandardCharsets.UTF_8));
  }

  private static FedAchDirectoryException refused(String content) {
    return catchThrowableOfType(FedAchDirectoryException.class, () -> read(content));
  }
}
