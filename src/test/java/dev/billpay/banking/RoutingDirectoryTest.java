package dev.billpay.banking;

import static dev.billpay.banking.fedach.FedAchRecords.participant;
import static dev.billpay.banking.fedach.FedAchRecords.replaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.banking.fedach.FedAchDirectory;
import dev.billpay.banking.fedach.FedAchDirectoryException;
import dev.billpay.banking.fedach.FedAchRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The routing directory")
class RoutingDirectoryTest {
  /** Surefire runs with the project root as the working directory. */
  static final Path SAMPLE = Path.of("conf/routing-directory-sample.txt");

  @TempDir Path dir;

  @Test
  @DisplayName("the shipped sample is a FedACHdir.txt whose every number passes the ABA checks")
  void sampleIsValid() throws IOException {
    RoutingDirectory sample = RoutingDirectory.load(SAMPLE);

    assertThat(sample.format()).contains(FedAchDirectory.Format.FIXED_WIDTH);
    assertThat(sample.routingNumbers()).hasSizeGreaterThanOrEqualTo(20)
        .contains("011000015", "021000021", "021000089", "026009593", "091000019", "121000358", "111000025",
            "322271627");
    for (String number : sample.routingNumbers()) {
      assertThat(AbaRoutingNumber.check(number, "routing_number")).as(number).isEmpty();
    }
    assertThat(Files.readAllLines(SAMPLE)).allSatisfy(line -> assertThat(line).hasSize(155));
    assertThat(sample.bankName("011000015")).contains("FEDERAL RESERVE BANK OF BOSTON");
    assertThat(sample.participant("011000015").orElseThrow().isFederalReserveBank()).isTrue();
    assertThat(sample.replacement("063100992")).contains("063100277");
    assertThat(sample.replacedCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("the same directory loads from the fixed-width file and from the JSON download")
  void bothFormats() throws IOException {
    var records = List.of(participant("021000021", "JPMORGAN CHASE BANK, NA"),
        replaced("063100992", "EXAMPLE GULF SAVINGS", "063100277"));

    for (String content : List.of(FedAchRecords.fixedWidth(records), FedAchRecords.json(records))) {
      RoutingDirectory directory = RoutingDirectory.load(write(content));
      assertThat(directory.size()).isEqualTo(2);
      assertThat(directory.contains("021000021")).isTrue();
      assertThat(directory.contains("063100992")).as("a replaced number is still listed").isTrue();
      assertThat(directory.contains("021000089")).isFalse();
      assertThat(directory.contains(null)).isFalse();
      assertThat(directory.bankName("021000021")).contains("JPMORGAN CHASE BANK, NA");
      assertThat(directory.bankName("021000089")).isEmpty();
      assertThat(directory.replacement("063100992")).contains("063100277");
      assertThat(directory.replacement("021000021")).isEmpty();
    }
  }

  @Test
  @DisplayName("a malformed directory fails the load naming the file and the line")
  void rejectsMalformedLines() throws IOException {
    Path file = write(FedAchRecords.fixedWidth(List.of(participant("011000015", "BOSTON"))) + "02100002 short\n");

    assertThatThrownBy(() -> RoutingDirectory.load(file)).isInstanceOf(FedAchDirectoryException.class)
        .hasMessageStartingWith(file + ": line 2: is 14 characters long");
    assertThatThrownBy(() -> RoutingDirectory.load(dir.resolve("missing.txt")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  @DisplayName("the empty directory contains nothing and says it is empty")
  void emptyDirectory() throws IOException {
    assertThat(RoutingDirectory.empty().isEmpty()).isTrue();
    assertThat(RoutingDirectory.empty().contains("011000015")).isFalse();
    assertThat(RoutingDirectory.empty().format()).isEmpty();
    assertThat(RoutingDirectory.load(SAMPLE).isEmpty()).isFalse();
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("FedACHdir.txt"), content);
  }
}
