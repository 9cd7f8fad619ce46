package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NACHA writer")
class NachaWriterTest {

  @Test
  @DisplayName("writes the hand-checked golden file character for character")
  void goldenFile() throws Exception {
    String written = NachaWriter.write(GoldenFile.model());
    String expected = GoldenFile.text();
    List<String> writtenLines = written.lines().toList();
    List<String> expectedLines = expected.lines().toList();
    for (int i = 0; i < expectedLines.size(); i++) {
      assertThat(writtenLines.get(i)).as("line %d", i + 1).isEqualTo(expectedLines.get(i));
    }
    assertThat(written).isEqualTo(expected);
  }

  @Test
  @DisplayName("ends every record, the last one too, with a single LF")
  void lineFeeds() {
    String written = NachaWriter.write(GoldenFile.model());
    assertThat(written).doesNotContain("\r").endsWith("9\n");
    assertThat(written.length()).isEqualTo(20 * 95);
  }

  @Test
  @DisplayName("writes the same characters to an Appendable as to a string")
  void appendable() throws Exception {
    StringWriter out = new StringWriter();
    NachaWriter.write(GoldenFile.model(), out);
    assertThat(out.toString()).isEqualTo(NachaWriter.write(GoldenFile.model()));
  }
}
