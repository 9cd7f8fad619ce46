package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NACHA files written and read back")
class NachaRoundTripPropertiesTest {
  private static final int EXAMPLES = 40;

  @Test
  @DisplayName("the reader gives back exactly the batches and entries the writer was given")
  void roundTrip() {
    qt().withExamples(EXAMPLES).forAll(NachaGen.files()).checkAssert(file -> {
      NachaReadResult result = read(NachaWriter.write(file));
      assertThat(result.problems()).isEmpty();
      assertThat(result.orElseThrow()).isEqualTo(Sanitized.of(file));
    });
  }

  @Test
  @DisplayName("every line has 94 characters and the line count is a multiple of ten")
  void shape() {
    qt().withExamples(EXAMPLES).forAll(NachaGen.files()).checkAssert(file -> {
      List<String> lines = NachaWriter.write(file).lines().toList();
      assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(94));
      assertThat(lines.size() % 10).isZero();
      assertThat(lines.size() - lines.indexOf(lastControl(lines)) - 1).isLessThan(10);
    });
  }

  @Test
  @DisplayName("batch and file controls hold the counts, hashes and totals computed here")
  void controls() {
    qt().withExamples(EXAMPLES).forAll(NachaGen.files()).checkAssert(file -> {
      List<String> lines = NachaWriter.write(file).lines().toList();
      List<String> batchControls = lines.stream().filter(l -> l.startsWith("8")).toList();
      assertThat(batchControls).hasSize(file.batches().size());
      long fileCount = 0;
      long fileHash = 0;
      long fileDebit = 0;
      long fileCredit = 0;
      for (int b = 0; b < file.batches().size(); b++) {
        Expected expected = Expected.of(file.batches().get(b).entries());
        String control = batchControls.get(b);
        assertThat(control.substring(4, 10)).isEqualTo(String.format("%06d", expected.count));
        assertThat(control.substring(10, 20)).isEqualTo(String.format("%010d", expected.hash));
        assertThat(control.substring(20, 32)).isEqualTo(String.format("%012d", expected.debit));
        assertThat(control.substring(32, 44)).isEqualTo(String.format("%012d", expected.credit));
        fileCount += expected.count;
        fileHash += expected.hash;
        fileDebit += expected.debit;
        fileCredit += expected.credit;
      }
      String control = lastControl(lines);
      assertThat(control.substring(1, 7)).isEqualTo(String.format("%06d", file.batches().size()));
      assertThat(control.substring(7, 13)).isEqualTo(String.format("%06d", lines.size() / 10));
      assertThat(control.substring(13, 21)).isEqualTo(String.format("%08d", fileCount));
      assertThat(control.substring(21, 31))
          .isEqualTo(String.format("%010d", fileHash % 10_000_000_000L));
      assertThat(control.substring(31, 43)).isEqualTo(String.format("%012d", fileDebit));
      assertThat(control.substring(43, 55)).isEqualTo(String.format("%012d", fileCredit));
    });
  }

  /** What a batch control must say, computed from the entries without production code. */
  private record Expected(long count, long hash, long debit, long credit) {
    static Expected of(List<EntryDetail> entries) {
      long count = 0;
      long hash = 0;
      long debit = 0;
      long credit = 0;
      for (EntryDetail entry : entries) {
        count += 1 + entry.addenda().size();
        hash += Long.parseLong(entry.rdfiRouting().substring(0, 8));
        char kind = entry.transactionCode().code().charAt(1);
        if (kind >= '5') {
          debit += entry.amountCents();
        } else {
          credit += entry.amountCents();
        }
      }
      return new Expected(count, hash % 10_000_000_000L, debit, credit);
    }
  }

  private static String lastControl(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("9") && !lines.get(i).equals("9".repeat(94))) {
        return lines.get(i);
      }
    }
    throw new AssertionError("no file control");
  }

  static NachaReadResult read(String text) {
    try {
      return NachaReader.read(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
