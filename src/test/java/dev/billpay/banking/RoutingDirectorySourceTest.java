package dev.billpay.banking;

import static dev.billpay.banking.fedach.FedAchRecords.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.banking.fedach.FedAchDirectoryException;
import dev.billpay.banking.fedach.FedAchRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reloading the routing directory")
class RoutingDirectorySourceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  @DisplayName("a reload swaps in the file's new content, and validation follows it")
  void reloadSwaps() throws Exception {
    RoutingDirectorySource source = chaseOnly();
    Path file = source.file().orElseThrow();
    BankAccountValidator validator = new BankAccountValidator(source);
    assertThat(validator.validateUs("026009593", "12345678", "checking")).extracting(ValidationProblem::code)
        .containsExactly(BankAccountValidator.NOT_ACH_PARTICIPANT);

    Files.writeString(file, FedAchRecords.json(List.of(participant("021000021", "CHASE"),
        participant("026009593", "BANK OF AMERICA, N.A."))));
    RoutingDirectorySource.Loaded loaded = source.reload();

    assertThat(loaded.directory().size()).isEqualTo(2);
    assertThat(source.get()).isSameAs(loaded.directory());
    assertThat(loaded.loadedAt()).isEqualTo(CLOCK.instant());
    assertThat(validator.validateUs("026009593", "12345678", "checking")).isEmpty();
    assertThat(validator.bankName("026009593")).contains("BANK OF AMERICA, N.A.");
  }

  @Test
  @DisplayName("a file that does not load leaves the directory in use as it was")
  void failedReloadKeepsTheOld() throws Exception {
    RoutingDirectorySource source = chaseOnly();
    Path file = source.file().orElseThrow();
    RoutingDirectory before = source.get();

    Files.writeString(file, "garbage\n");
    assertThatThrownBy(source::reload).isInstanceOf(FedAchDirectoryException.class).hasMessageContaining("line 1");
    Files.delete(file);
    assertThatThrownBy(source::reload).isInstanceOf(java.nio.file.NoSuchFileException.class);

    assertThat(source.get()).isSameAs(before);
  }

  @Test
  @DisplayName("without a configured file there is no directory and a reload changes nothing")
  void noFile() throws Exception {
    RoutingDirectorySource source = RoutingDirectorySource.open("", CLOCK);
    assertThat(source.file()).isEmpty();
    assertThat(source.get().isEmpty()).isTrue();
    assertThat(source.reload()).isSameAs(source.current());
  }

  @Test
  @DisplayName("a malformed file refuses to open, so the gateway does not start on it")
  void malformedAtStart() throws Exception {
    Path file = Files.writeString(dir.resolve("FedACHdir.txt"), "{}");
    assertThatThrownBy(() -> RoutingDirectorySource.open(file.toString(), CLOCK))
        .isInstanceOf(FedAchDirectoryException.class).hasMessageStartingWith(file + ": file: must be");
  }

  /** A source on a fixed-width file that lists only 021000021. */
  private RoutingDirectorySource chaseOnly() throws Exception {
    Path file = Files.writeString(dir.resolve("FedACHdir.txt"),
        FedAchRecords.fixedWidth(List.of(participant("021000021", "CHASE"))));
    return RoutingDirectorySource.open(file.toString(), CLOCK);
  }
}
