package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file we write must parse cleanly with an independent NACHA parser, so our reader and writer
 * cannot agree on a form no bank accepts. The parser is
 * the npm package @midlandsbank/node-nacha, run by {@code src/test/nacha-check/check.js}, which
 * the build installs with {@code npm ci} (generate-test-resources). Without node or the package
 * these tests fail: they are never skipped.
 */
@DisplayName("Independent NACHA parser (@midlandsbank/node-nacha)")
class IndependentNachaParserTest {
  private static final Path CHECK_DIR = Path.of(System.getProperty("basedir",
      System.getProperty("user.dir")), "src", "test", "nacha-check");

  @TempDir
  Path dir;

  @Test
  @DisplayName("accepts the golden file and reports our counts, hash and totals")
  void golden() throws Exception {
    NachaFile file = GoldenFile.model();
    List<JsonNode> reports = check(List.of(file));
    assertAgrees(reports.get(0), file);
    assertThat(reports.get(0).get("entryCount").asInt()).isEqualTo(4);
  }

  @Test
  @DisplayName("accepts random files from our writer and reports the same counts and totals")
  void randomFiles() throws Exception {
    List<NachaFile> files = new ArrayList<>();
    qt().withExamples(25).forAll(NachaGen.files()).checkAssert(files::add);
    List<JsonNode> reports = check(files);
    for (int i = 0; i < files.size(); i++) {
      assertAgrees(reports.get(i), files.get(i));
    }
  }

  @Test
  @DisplayName("accepts balanced files the planner split at 10,000 lines")
  void plannedFiles() throws Exception {
    CompanyBatch web = CompanyBatch.web("BILLPAY INC", "1234567890", LocalDate.of(2025, 9, 16));
    CompanyBatch ppd = new CompanyBatch("BILLPAY INC", "", "1234567890", SecCode.PPD, "BILLPAY",
        "SEP 16", LocalDate.of(2025, 9, 16));
    List<PaymentOrder> orders = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      orders.add(new PaymentOrder("p" + i, i % 3 == 0 ? ppd : web,
          i % 2 == 0 ? TransactionCode.CHECKING_DEBIT : TransactionCode.SAVINGS_DEBIT,
          "021000021", Integer.toString(1_000_000 + i), 100L * i + 1, "ID" + i, "CUSTOMER " + i,
          "S"));
    }
    List<NachaFile> files = NachaPlanner.plan(orders, NachaPlannerTest.settings(
            new OffsetAccount("091000019", "100200300", false), NachaPlanner.MAX_LINES),
        List.of('A', 'B'), 1).files().stream().map(NachaPlanner.PlannedFile::file).toList();
    List<JsonNode> reports = check(files);
    for (int i = 0; i < files.size(); i++) {
      assertAgrees(reports.get(i), files.get(i));
    }
  }

  @Test
  @DisplayName("accepts account verifications: a prenote in the day's batch, micro-entries in an ACCTVERIFY batch")
  void verificationEntries() throws Exception {
    CompanyBatch web = CompanyBatch.web("BILLPAY INC", "1234567890", LocalDate.of(2025, 9, 16));
    var sealed = new dev.billpay.crypto.AccountNumberCipher.Sealed(new byte[] {1}, "k");
    var checking = new dev.billpay.accounts.FundingAccountQueries.DebitAccount("fa_1", "us_bank_account", "active",
        "JANE DOE", "021000021", "checking", sealed);
    var savings = new dev.billpay.accounts.FundingAccountQueries.DebitAccount("fa_2", "us_bank_account", "active",
        "JOHN ROE", "011000015", "savings", sealed);
    List<PaymentOrder> orders = new ArrayList<>(List.of(new PaymentOrder("pay_1", web, TransactionCode.CHECKING_DEBIT,
        "021000021", "000123456789", 12550, "ID1", "JANE DOE", "S")));
    orders.addAll(dev.billpay.clearing.VerificationOrders.orders(List.of(
        new dev.billpay.accounts.VerificationEntries.Due("av_01PRENOTE000000000000000001", true, List.of(), savings),
        new dev.billpay.accounts.VerificationEntries.Due("av_01MICRO00000000000000000002", false, List.of(12, 47),
            checking)), web, (due, owner) -> "000555000111"));
    NachaFile file = NachaPlanner.plan(orders, NachaPlannerTest.settings(null, NachaPlanner.MAX_LINES),
        List.of('A'), 1).files().get(0).file();

    assertAgrees(check(List.of(file)).get(0), file);
    assertThat(file.batches()).hasSize(2);
    Batch day = file.batches().stream().filter(b -> b.header().entryDescription().trim().equals("BILLPAY"))
        .findFirst().orElseThrow();
    assertThat(day.entries()).extracting(e -> e.transactionCode().code(), EntryDetail::amountCents)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("27", 12550L),
            org.assertj.core.groups.Tuple.tuple("38", 0L));
    Batch micro = file.batches().stream().filter(b -> b.header().entryDescription().trim().equals("ACCTVERIFY"))
        .findFirst().orElseThrow();
    assertThat(micro.header().effectiveEntryDate()).isEqualTo(day.header().effectiveEntryDate());
    assertThat(micro.header().companyName()).isEqualTo(day.header().companyName());
    assertThat(micro.entries()).extracting(e -> e.transactionCode().code(), EntryDetail::amountCents)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("22", 12L), org.assertj.core.groups.Tuple.tuple("22", 47L),
            org.assertj.core.groups.Tuple.tuple("27", 59L));
  }

  @Test
  @DisplayName("accepts a same-day batch (effective the file's creation date, SD1300) next to a standard one in its own file")
  void sameDayFiles() throws Exception {
    // the settings' files are created 2025-09-15 10:30: same-day entries are effective that day
    CompanyBatch sameDay = new CompanyBatch("BILLPAY INC", "", "1234567890", SecCode.WEB, "BILLPAY",
        "SD1300", LocalDate.of(2025, 9, 15));
    CompanyBatch standard = CompanyBatch.web("BILLPAY INC", "1234567890", LocalDate.of(2025, 9, 16));
    List<NachaFile> files = new ArrayList<>();
    char modifier = 'A';
    for (CompanyBatch batch : List.of(sameDay, standard)) {
      List<PaymentOrder> orders = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        orders.add(new PaymentOrder(batch.descriptiveDate() + i, batch, TransactionCode.CHECKING_DEBIT,
            "021000021", Integer.toString(2_000_000 + i), 99_999_999L + i, "ID" + i, "CUSTOMER " + i, "S"));
      }
      files.addAll(NachaPlanner.plan(orders, NachaPlannerTest.settings(null, NachaPlanner.MAX_LINES),
          List.of(modifier++), 1).files().stream().map(NachaPlanner.PlannedFile::file).toList());
    }
    List<JsonNode> reports = check(files);
    for (int i = 0; i < files.size(); i++) {
      assertAgrees(reports.get(i), files.get(i));
    }
    assertThat(NachaWriter.write(files.get(0)).lines().filter(l -> l.startsWith("5")).findFirst().orElseThrow()
        .substring(63, 75)).as("descriptive date (64-69) and effective entry date (70-75)").isEqualTo("SD1300250915");
  }

  @Test
  @DisplayName("is a real check: it rejects a file whose batch entry hash is wrong")
  void rejectsWrongHash() throws Exception {
    String text = NachaWriter.write(GoldenFile.model()).replace("0003200003", "0003200004");
    Path path = dir.resolve("broken.ach");
    Files.writeString(path, text, StandardCharsets.US_ASCII);
    JsonNode report = run(List.of(path)).get(0);
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("errors").toString()).contains("entryHash");
  }

  private static void assertAgrees(JsonNode report, NachaFile file) {
    FileControl control = file.control();
    assertThat(report.get("errors").size()).as(report.toString()).isZero();
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(report.get("batchCount").asInt()).isEqualTo(control.batchCount());
    assertThat(report.get("entryCount").asInt()).isEqualTo(file.entries().size());
    assertThat(report.get("entryAddendaCount").asInt()).isEqualTo(control.entryAddendaCount());
    assertThat(report.get("blockCount").asInt()).isEqualTo(control.blockCount());
    assertThat(report.get("entryHash").asLong()).isEqualTo(control.entryHash());
    assertThat(report.get("totalDebit").asLong()).isEqualTo(control.totalDebitCents());
    assertThat(report.get("totalCredit").asLong()).isEqualTo(control.totalCreditCents());
  }

  private List<JsonNode> check(List<NachaFile> files) throws Exception {
    List<Path> paths = new ArrayList<>();
    for (NachaFile file : files) {
      Path path = dir.resolve("file-" + paths.size() + ".ach");
      Files.writeString(path, NachaWriter.write(file), StandardCharsets.US_ASCII);
      paths.add(path);
    }
    return run(paths);
  }

  private static List<JsonNode> run(List<Path> paths) throws Exception {
    if (!Files.isDirectory(CHECK_DIR.resolve("node_modules/@midlandsbank/node-nacha"))) {
      fail("the independent parser is not installed: run `mvn generate-test-resources` "
          + "(npm ci --prefix src/test/nacha-check)");
    }
    List<String> command = new ArrayList<>(List.of("node", CHECK_DIR.resolve("check.js")
        .toString()));
    paths.forEach(path -> command.add(path.toString()));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new AssertionError("node could not be started; the independent NACHA check needs "
          + "Node.js on the PATH", e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("check.js did not finish within 120 s");
    }
    assertThat(process.exitValue()).as("check.js exit code; output: %s", out).isZero();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> reports = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        reports.add(json.readTree(line));
      }
    }
    assertThat(reports).as(out).hasSize(paths.size());
    return reports;
  }
}
