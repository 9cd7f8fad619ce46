package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NACHA reader")
class NachaReaderTest {
  // golden file lines: 1 file header, 2 batch header, 3-4 entries, 5 addenda, 6 batch control,
  // 7 batch header, 8-9 entries, 10 batch control, 11 file control, 12-20 padding

  @Test
  @DisplayName("reads the golden file back into the model the writer was given, text sanitized")
  void readsGolden() throws IOException {
    NachaReadResult result = read(GoldenFile.text());
    assertThat(result.problems()).isEmpty();
    assertThat(result.orElseThrow()).isEqualTo(GoldenFile.sanitizedModel());
  }

  @Test
  @DisplayName("accepts CRLF line ends as well as LF")
  void acceptsCrlf() throws IOException {
    assertThat(read(GoldenFile.text().replace("\n", "\r\n")).isAccepted()).isTrue();
  }

  @Test
  @DisplayName("rejects a short line, naming its line")
  void shortLine() throws IOException {
    NachaReadResult result = read(edit(4, line -> line.substring(0, 93)));
    assertThat(result.problems()).contains(
        new NachaProblem(4, "record", "must be 94 characters, not 93"));
  }

  @Test
  @DisplayName("rejects a batch control whose entry hash does not add up")
  void wrongEntryHash() throws IOException {
    NachaReadResult result = read(edit(6, line -> replace(line, 11, "0003200004")));
    assertThat(result.problems()).containsExactly(new NachaProblem(6, "entryHash",
        "is 0003200004 but the records add up to 0003200003"));
  }

  @Test
  @DisplayName("rejects a file control whose debit total does not add up")
  void wrongFileTotal() throws IOException {
    NachaReadResult result = read(edit(11, line -> replace(line, 32, "000000522345")));
    assertThat(result.problems()).containsExactly(new NachaProblem(11, "totalDebit",
        "is 000000522345 but the records add up to 000000522344"));
  }

  @Test
  @DisplayName("rejects a batch control whose credit total does not add up")
  void wrongBatchTotal() throws IOException {
    NachaReadResult result = read(edit(10, line -> replace(line, 33, "000000009998")));
    assertThat(result.problems()).extracting(NachaProblem::line, NachaProblem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(10, "totalCredit"));
  }

  @Test
  @DisplayName("rejects a batch without its batch control at the record that comes instead")
  void missingBatchControl() throws IOException {
    List<String> lines = lines(GoldenFile.text());
    lines.remove(5);
    lines.add(RecordFormat.PADDING);
    NachaReadResult result = read(String.join("\n", lines) + "\n");
    assertThat(result.problems()).first().isEqualTo(new NachaProblem(6, "recordType",
        "batch header while a batch is open: its batch control (8) is missing"));
  }

  @Test
  @DisplayName("rejects padding that is not all nines")
  void badPadding() throws IOException {
    NachaReadResult result = read(edit(15, line -> replace(line, 94, "8")));
    assertThat(result.problems()).containsExactly(new NachaProblem(15, "padding",
        "only records of 94 nines may follow the file control"));
  }

  @Test
  @DisplayName("rejects a file whose line count is not a multiple of ten")
  void missingPadding() throws IOException {
    List<String> lines = lines(GoldenFile.text());
    String text = String.join("\n", lines.subList(0, 19)) + "\n";
    assertThat(read(text).problems()).containsExactly(
        new NachaProblem(19, "padding",
            "the file has 19 lines, not a multiple of 10: pad the last block with records of nines"));
  }

  @Test
  @DisplayName("rejects a non-numeric amount on its entry's line")
  void nonNumericAmount() throws IOException {
    NachaReadResult result = read(edit(8, line -> replace(line, 30, "00000099X9")));
    assertThat(result.problems()).containsExactly(
        new NachaProblem(8, "amount", "must be 10 digits"));
  }

  @Test
  @DisplayName("rejects a file that ends without a file control")
  void missingFileControl() throws IOException {
    String text = String.join("\n", lines(GoldenFile.text()).subList(0, 10)) + "\n";
    assertThat(read(text).problems()).containsExactly(
        new NachaProblem(10, "file", "ends without a file control record (9)"));
  }

  @Test
  @DisplayName("rejects an entry whose addenda indicator promises an addenda that never comes")
  void missingAddenda() throws IOException {
    NachaReadResult result = read(edit(3, line -> replace(line, 79, "1")));
    assertThat(result.problems()).contains(
        new NachaProblem(3, "addendaIndicator", "is 1 but no addenda record follows"));
  }

  @Test
  @DisplayName("rejects a wrong routing check digit")
  void wrongCheckDigit() throws IOException {
    NachaReadResult result = read(edit(3, line -> replace(line, 12, "2")));
    assertThat(result.problems()).containsExactly(
        new NachaProblem(3, "checkDigit", "does not match the receiving DFI id"));
  }

  @Test
  @DisplayName("sets aside a batch whose trace numbers do not ascend")
  void traceOrder() throws IOException {
    NachaReadResult result = read(edit(3, line -> replace(line, 80, "091000010000003")));
    assertThat(result.problems()).contains(new NachaProblem(4, "traceNumber",
        "must be greater than the previous entry's"));
  }

  @Test
  @DisplayName("rejects a wrong block count in the file control")
  void wrongBlockCount() throws IOException {
    NachaReadResult result = read(edit(11, line -> replace(line, 8, "000003")));
    assertThat(result.problems()).containsExactly(
        new NachaProblem(11, "blockCount", "is 3 but the file has 20 lines"));
  }

  @Test
  @DisplayName("rejects an account number that is not left-justified as a problem, not a crash")
  void rightJustifiedAccount() throws IOException {
    NachaReadResult result = read(edit(3, line -> replace(line, 13, "        123456789")));
    assertThat(result.problems()).containsExactly(new NachaProblem(3, "accountNumber",
        "must be left-justified, without leading spaces"));
  }

  @Test
  @DisplayName("rejects an empty file")
  void emptyFile() throws IOException {
    assertThat(read("").problems()).containsExactly(new NachaProblem(1, "file", "is empty"));
  }

  @Test
  @DisplayName("rejects a blank line at the end")
  void trailingBlankLine() throws IOException {
    assertThat(read(GoldenFile.text() + "\n").problems()).contains(
        new NachaProblem(21, "record", "must be 94 characters, not 0"));
  }

  private static NachaReadResult read(String text) throws IOException {
    return NachaReader.read(new StringReader(text));
  }

  private static String edit(int lineNumber, UnaryOperator<String> change) throws IOException {
    List<String> lines = lines(GoldenFile.text());
    lines.set(lineNumber - 1, change.apply(lines.get(lineNumber - 1)));
    return String.join("\n", lines) + "\n";
  }

  /** {@code line} with {@code value} written from 1-based {@code position} on. */
  static String replace(String line, int position, String value) {
    return line.substring(0, position - 1) + value
        + line.substring(position - 1 + value.length());
  }

  private static List<String> lines(String text) {
    return new ArrayList<>(text.lines().toList());
  }
}
