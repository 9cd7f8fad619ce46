package dev.billpay.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.NachaReadResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code src/test/resources/bankfiles} (what each exercises is in the README.md next to them),
 * read as {@code POST /v1/bank-files} reads it: the verdict (imported, refused as an origination file, rejected
 * whole), how many batches and entries were applied and set aside, and the first problem reported.
 */
@DisplayName("Bank file corpus")
class BankFileCorpusTest {
  /**
   * {@code applied}/{@code setAside} are batches, {@code entries}/{@code entriesAside} entries (a statement's
   * transactions in {@code entries}); -1: not imported.
   */
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("return-web-r01.ach", "returns", 1, 0, 1, 0, null),
        Arguments.of("return-web-crlf.ach", "returns", 1, 0, 1, 0, null),
        Arguments.of("noc-cor-blank-date.ach", "returns", 1, 0, 1, 0, null),
        Arguments.of("dishonored-contested.ach", "returns", 1, 0, 2, 0, null),
        Arguments.of("multi-sec.ach", "returns", 4, 0, 4, 0, null),
        Arguments.of("batch-control-mismatch.ach", "returns", 1, 1, 1, 0,
            "line 9, entryHash: is 0001100002 but the records add up to 0001100001"),
        Arguments.of("unknown-service-class.ach", "returns", 1, 1, 1, 0, "line 6, serviceClassCode"),
        Arguments.of("entry-level.ach", "returns", 1, 0, 1, 2, "line 6, returnReasonCode: is not a NACHA return reason code"),
        Arguments.of("addenda-unreadable.ach", "returns", 1, 0, 0, 1, "line 4, originalRdfiId: must be 8 digits"),
        Arguments.of("forward-web-debits.ach", "an origination file: 3 WEB debit entries, no return or NOC addenda",
            -1, -1, -1, -1, null),
        Arguments.of("file-control-mismatch.ach", "rejected", -1, -1, -1, -1, "line 6, totalDebit"),
        Arguments.of("ten-digit-destination.ach", "rejected", -1, -1, -1, -1,
            "line 1, immediateDestination: must be a space and the 9-digit routing number"),
        Arguments.of("trailing-spaces-stripped.ach", "rejected", -1, -1, -1, -1,
            "line 1, record: must be 94 characters, not 77"),
        Arguments.of("short-file-header.ach", "rejected", -1, -1, -1, -1,
            "line 1, record: must be 94 characters, not 80"),
        Arguments.of("statement-bank-style.bai2", "statement", -1, -1, 2, -1, null),
        Arguments.of("statement-comma-breaks-record.bai2", "rejected", -1, -1, -1, -1,
            "line 3, record: ends with ',/' and is continued on line 4"),
        Arguments.of("statement-control-total-off.bai2", "rejected", -1, -1, -1, -1,
            "line 5, account_control_total: is 1750001"),
        Arguments.of("statement-characters-after-slash.bai2", "rejected", -1, -1, -1, -1,
            "line 2, record: has characters after the '/' that ends it"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("corpus")
  @DisplayName("each file gets its verdict, applies what stands and sets aside the rest with its lines")
  void verdicts(String name, String verdict, int applied, int setAside, int entries, int entriesAside,
      String firstProblem) throws IOException, URISyntaxException {
    ParsedBankFile parsed = BankFileParser.parse(file(name));
    if (parsed instanceof ParsedBankFile.NachaReturns r) {
        assertThat(verdict).isEqualTo("returns");
        NachaReadResult.Accepted read = r.read();
        assertThat(read.file().batches()).as("batches applied").hasSize(applied);
        assertThat(read.setAsideBatches()).as("batches set aside").hasSize(setAside);
        assertThat(read.file().entries()).as("entries applied").hasSize(entries);
        assertThat(read.setAsideEntries()).as("entries set aside").hasSize(entriesAside);
        assertThat(read.entryLines()).hasSize(entries);
        firstProblem(read.problems().stream().map(Object::toString).findFirst().orElse(null), firstProblem);
    } else if (parsed instanceof ParsedBankFile.NotAReturn n) {
      assertThat(n.description()).isEqualTo(verdict);
    } else if (parsed instanceof ParsedBankFile.Rejected r) {
        assertThat(verdict).as(r.problems().toString()).isEqualTo("rejected");
        ParsedBankFile.Problem p = r.problems().get(0);
        firstProblem("line " + p.line() + ", " + p.field() + ": " + p.message(), firstProblem);
    } else if (parsed instanceof ParsedBankFile.Statement s) {
      assertThat(verdict).isEqualTo("statement");
      assertThat(s.transactions()).as("transactions").hasSize(entries);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("a rejected file reports each record's own cause once, never a knock-on problem")
  void noKnockOn(String name, String verdict, int applied, int setAside, int entries, int entriesAside,
      String firstProblem) throws IOException, URISyntaxException {
    if (BankFileParser.parse(file(name)) instanceof ParsedBankFile.Rejected r) {
      assertThat(r.problems()).extracting(ParsedBankFile.Problem::message)
          .noneMatch(m -> m.contains("must start with a file header") || m.contains("no addenda record follows")
              || m.contains("is missing"));
    }
  }

  private static void firstProblem(String actual, String expected) {
    if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat(actual).startsWith(expected);
    }
  }

  private static Path file(String name) throws URISyntaxException {
    return Path.of(BankFileCorpusTest.class.getResource("/bankfiles/" + name).toURI());
  }
}
