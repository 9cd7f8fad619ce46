package dev.billpay.reconciliation.camt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.BankStatement;
import dev.billpay.reconciliation.BankTransaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random valid statements, written by {@link CamtTestWriter}, read back to the same balances and booked amounts. The
 * seed of a failing case is in the failure; run with {@code -Dcamt.seed=N} to replay it.
 */
@DisplayName("camt generated statements")
class CamtGeneratedStatementsTest {
  private static final List<String> CURRENCIES = List.of("USD", "USD", "EUR", "JPY", "BHD");
  private static final int CASES = 300;

  @Test
  @DisplayName("random statements (.02 and .08, batches, pending entries, JPY to BHD) read back to their amounts and balances")
  void roundTrip() {
    long base = Long.getLong("camt.seed", System.nanoTime());
    int cases = System.getProperty("camt.seed") == null ? CASES : 1;
    for (int i = 0; i < cases; i++) {
      long seed = base + i;
      Random random = new Random(seed);
      List<CamtTestWriter.Statement> written = statements(random);
      String version = random.nextBoolean() ? "02" : "08";
      String xml = new CamtTestWriter(version, random.nextInt(4) == 0, random.nextBoolean()).write(written);
      CamtReadResult result = CamtReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      String replay = "seed " + seed + " (replay with -Dcamt.seed=" + seed + ")\n" + xml;
      assertThat(result).as(replay).isInstanceOf(CamtReadResult.Read.class);
      check(((CamtReadResult.Read) result).statements(), written, replay);
    }
  }

  private static void check(List<BankStatement> read, List<CamtTestWriter.Statement> written, String replay) {
    assertThat(read).as(replay).hasSameSizeAs(written);
    for (int s = 0; s < written.size(); s++) {
      CamtTestWriter.Statement want = written.get(s);
      BankStatement got = read.get(s);
      assertThat(got.currency()).as(replay).isEqualTo(want.currency());
      assertThat(got.openingBookedMinor()).as(replay).isEqualTo(want.openingMinor());
      assertThat(got.closingBookedMinor()).as(replay).isEqualTo(want.closingMinor());
      List<Long> expected = new ArrayList<>();
      for (CamtTestWriter.Entry e : want.entries()) {
        if (e.booked()) {
          e.parts().forEach(p -> expected.add(e.credit() ? p : -p));
        }
      }
      assertThat(got.transactions()).as(replay)
          .extracting(t -> t.flow() == BankTransaction.Flow.CREDIT ? t.amountMinor() : -t.amountMinor())
          .containsExactlyElementsOf(expected);
    }
  }

  private static List<CamtTestWriter.Statement> statements(Random random) {
    List<CamtTestWriter.Statement> statements = new ArrayList<>();
    for (int s = 1 + random.nextInt(3); s > 0; s--) {
      List<CamtTestWriter.Entry> entries = new ArrayList<>();
      for (int e = random.nextInt(8); e > 0; e--) {
        entries.add(entry(random));
      }
      long opening = random.nextInt(5) == 0 ? 0 : random.nextLong(-10_000_000L, 1_000_000_000L);
      statements.add(new CamtTestWriter.Statement(CURRENCIES.get(random.nextInt(CURRENCIES.size())), opening,
          entries));
    }
    return statements;
  }

  private static CamtTestWriter.Entry entry(Random random) {
    int parts = random.nextInt(4) == 0 ? 2 + random.nextInt(4) : 1;
    List<Long> amounts = LongStream.range(0, parts).map(p -> amount(random)).boxed().toList();
    return new CamtTestWriter.Entry(random.nextBoolean(), random.nextInt(6) != 0, amounts,
        parts > 1 || random.nextBoolean());
  }

  /** Mostly everyday amounts, sometimes one minor unit or a very large one. */
  private static long amount(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> 1;
      case 1 -> random.nextLong(1_000_000_000_000L);
      default -> 1 + random.nextInt(10_000_000);
    };
  }
}
