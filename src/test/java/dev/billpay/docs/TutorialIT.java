package dev.billpay.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("docs/tutorials run as written")
class TutorialIT {
  private static final Path TUTORIAL = Path.of("docs/tutorials/plan-clear-reconcile.md");
  private static final Path ORIGINATION = Path.of("docs/tutorials/verify-same-day-retry.md");
  private static final Path RECEIVE = Path.of("docs/tutorials/receive-and-reconcile.md");
  private static final Pattern SHELL_BLOCK = Pattern.compile("(?s)```sh\\n(.*?)```");
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();

  /**
   * The page's shell blocks, in order, as one script. Only the addresses differ from the page: the test
   * gateway listens on its own port and has its own admin token, and the jar is the one this build made.
   */
  static String script(Path page, Path jar) throws Exception {
    Matcher m = SHELL_BLOCK.matcher(Files.readString(page));
    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    while (m.find()) {
      script.append(m.group(1)).append('\n');
    }
    return script.toString()
        .replace("localhost:8080", "localhost:" + SharedStack.HTTP_PORT)
        .replace("ADMIN=dev-admin-token", "ADMIN=" + SharedStack.ADMIN_TOKEN)
        .replace("java -jar target/billpay.jar files import", "java -jar " + jar + " files import --url http://127.0.0.1:"
            + SharedStack.HTTP_PORT)
        .replace("java -jar target/billpay.jar bank-notify", "java -jar " + jar + " bank-notify --url http://127.0.0.1:"
            + SharedStack.HTTP_PORT)
        .replace("java -jar target/billpay.jar", "java -jar " + jar);
  }

  /**
   * Runs the page's commands in {@code dir} and answers what they printed; the output is also kept under
   * target/tutorials, which is where the page's outputs are copied from when it changes.
   */
  private static String run(Path page, Path dir) throws Exception {
    Path jar = Path.of("target/billpay.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path script = dir.resolve("tutorial.sh");
    Files.writeString(script, script(page, jar));
    Process bash = new ProcessBuilder("bash", script.toString()).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();
    Path kept = Path.of("target/tutorials", page.getFileName().toString().replace(".md", ".out"));
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, output);
    assertThat(bash.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  @DisplayName("plan, clear, settle, reconcile: every command succeeds and the outcomes are the ones the page describes")
  void runsAsWritten(@TempDir Path dir) throws Exception {
    String output = run(TUTORIAL, dir);
    assertThat(output).as(output)
        .contains("\"object\":\"payment_plan\"", "\"day_of_month\":31")
        .contains("\"object\":\"clearing_run\"", "\"ran\":true")
        .contains("\"summary\":{\"returned\":2,\"corrections\":0,\"accounts_blocked\":1,\"exceptions\":0,"
            + "\"batches_applied\":", "\"batches_set_aside\":0,\"set_aside\":[],\"exception_lines\":[]}")
        .contains("\"return_code\":\"R02\"", "\"status\":\"blocked\"", "funding-account-blocked")
        .contains("\"clearing_files_settled\":1", "\"object\":\"reconciliation_report\"")
        .contains("\"reason\":\"unmatched_credit\"", "\"status\":\"resolved\"", "\"resolved_by\":\"ops@example.com\"");
    assertThat(output.lines().filter(l -> l.startsWith("101 ")).count()).as("the NACHA file was printed").isEqualTo(1);
    assertThat(dir.resolve("returns.ach")).exists();
    assertThat(dir.resolve("statement.bai")).exists();
  }

  @Test
  @DisplayName("verify by micro-entries, pay same-day, retry an R01 return: every command succeeds as the page says")
  void originationRunsAsWritten(@TempDir Path dir) throws Exception {
    String output = run(ORIGINATION, dir);
    assertThat(output).as(output)
        .contains("\"status\": \"verification_pending\", \"method\": \"micro_entries\"")
        .contains("ACCTVERIFY", "the credits: ", "/verification-amounts-mismatch", "2 attempt(s) left")
        .contains("\"status\": \"verified\", \"method\": \"micro_entries\"")
        .contains("\"speed\": \"same_day\"")
        .contains("\"retries_scheduled\": 1", "\"return_code\": \"R01\"", "\"attempt\": 2");
    assertThat(output.lines().filter(l -> l.startsWith("622") || l.startsWith("627")).count())
        .as("two micro-entry credits and their debit").isEqualTo(3);
  }

  @Test
  @DisplayName("expect two transfers, a bank notification for one and a camt.053 for the other: both reconciled as the page says")
  void receiveRunsAsWritten(@TempDir Path dir) throws Exception {
    String output = run(RECEIVE, dir);
    assertThat(output).as(output)
        .contains("\"object\":\"expected_payment\"", "\"status\":\"unreconciled\"")
        .contains("\"kind\":\"bank_notification\"", "\"kind\":\"camt_statement\"")
        .contains("\"expected_payments_reconciled\":1", "\"status\":\"reconciled\"")
        .contains("reconciled 125000 [('reference', 125000)]", "reconciled 47950 [('reference', 47950)]")
        .contains("('unmatched_debit', 2500, 'Document/BkToCstmrStmt/Stmt[1]/Ntry[2]')")
        .contains("\"source\": \"camt_statement\"", "\"source\": \"bank_notification\"");
    assertThat(dir.resolve("statement.xml")).exists();
  }
}
