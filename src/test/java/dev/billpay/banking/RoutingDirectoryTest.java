package dev.billpay.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The routing directory")
class RoutingDirectoryTest {
  /** Surefire runs with the project root as the working directory. */
  private static final Path SAMPLE = Path.of("conf/routing-directory-sample.txt");

  @TempDir Path dir;

  @Test
  @DisplayName("the shipped sample loads and every number in it passes the ABA checks")
  void sampleIsValid() throws IOException {
    RoutingDirectory sample = RoutingDirectory.load(SAMPLE);

    assertThat(sample.routingNumbers()).hasSizeGreaterThanOrEqualTo(20)
        .contains("011000015", "021000021", "026009593", "121000358", "111000025", "322271627");
    for (String number : sample.routingNumbers()) {
      assertThat(AbaRoutingNumber.check(number, "routing_number")).as(number).isEmpty();
    }
    assertThat(sample.bankName("011000015")).contains("Federal Reserve Bank of Boston");
  }

  @Test
  @DisplayName("names may follow a comma or whitespace, comments and blank lines are skipped")
  void lineFormats() throws IOException {
    Path file = write("""
        # header comment
        011000015,Federal Reserve Bank of Boston

        021000021 , JPMorgan Chase Bank
        026009593\tBank of America   # trailing comment
          121000358    Bank of America, N.A.
        111000025
        322271627,
        """);

    RoutingDirectory directory = RoutingDirectory.load(file);

    assertThat(directory.routingNumbers()).containsExactlyInAnyOrder(
        "011000015", "021000021", "026009593", "121000358", "111000025", "322271627");
    assertThat(directory.bankName("011000015")).contains("Federal Reserve Bank of Boston");
    assertThat(directory.bankName("021000021")).contains("JPMorgan Chase Bank");
    assertThat(directory.bankName("026009593")).contains("Bank of America");
    assertThat(directory.bankName("121000358")).contains("Bank of America, N.A.");
    assertThat(directory.bankName("111000025")).isEmpty();
    assertThat(directory.bankName("322271627")).isEmpty();
    assertThat(directory.bankName("999999999")).isEmpty();
    assertThat(directory.contains("111000025")).isTrue();
    assertThat(directory.contains("021000089")).isFalse();
    assertThat(directory.contains(null)).isFalse();
  }

  @Test
  @DisplayName("a line that does not start with nine digits fails the load with its line number")
  void rejectsMalformedLines() throws IOException {
    Path file = write("011000015\n# fine\n02100002 too short\n");

    assertThatThrownBy(() -> RoutingDirectory.load(file))
        .isInstanceOf(IOException.class).hasMessageContaining(":3:");
  }

  @Test
  @DisplayName("an empty directory contains nothing and says it is empty, as does a file of comments")
  void emptyDirectory() throws IOException {
    assertThat(RoutingDirectory.empty().isEmpty()).isTrue();
    assertThat(RoutingDirectory.empty().contains("011000015")).isFalse();
    assertThat(RoutingDirectory.load(write("# nothing yet\n\n")).isEmpty()).isTrue();
    assertThat(RoutingDirectory.load(SAMPLE).isEmpty()).isFalse();
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("directory.txt"), content);
  }
}
