package dev.billpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.webhooks.WebhookSecret;
import dev.billpay.webhooks.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("billpay bank-notify")
class BankNotifyCommandTest {
  private static final long NOW = 1_796_000_000L;

  private static BankNotifyCommand parse(String... args) {
    BankNotifyCommand command = new BankNotifyCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  @DisplayName("signs the body it builds from flags so that a Standard Webhooks receiver verifies it")
  void signsFlags() throws Exception {
    String secret = WebhookSecret.generate();
    BankNotifyCommand.SignedNotification signed = parse("--secret", secret, "--type", "incoming_credit",
        "--amount-minor", "125000", "--currency", "USD", "--reference", "INV-1", "--value-date", "2026-12-03",
        "--counterparty-name", "ACME Corp").signed(NOW);
    assertThat(WebhookSignature.verify(secret, signed.id(), Long.toString(signed.timestamp()), signed.body(),
        signed.signature(), NOW, 300)).isTrue();
    assertThat(WebhookSignature.verify(WebhookSecret.generate(), signed.id(), Long.toString(signed.timestamp()),
        signed.body(), signed.signature(), NOW, 300)).as("under another secret").isFalse();
    JsonObject body = new JsonObject(signed.body());
    assertThat(body.getString("id")).isEqualTo(signed.id()).startsWith("ntf_");
    assertThat(body.getLong("amount_minor")).isEqualTo(125000);
    assertThat(body.getString("remittance")).isEqualTo("INV-1");
    assertThat(body.getString("direction")).isEqualTo("credit");
    assertThat(body.getJsonObject("counterparty").getString("name")).isEqualTo("ACME Corp");
  }

  @Test
  @DisplayName("signs with the development secret by default, at the time and id it is given")
  void defaults() throws Exception {
    BankNotifyCommand.SignedNotification signed = parse("--id", "ntf_fixed", "--timestamp", "1700000000",
        "--type", "return", "--trace", "011000010000042", "--return-code", "R01", "--amount-minor", "4242",
        "--effective-date", "2026-12-02").signed(NOW);
    assertThat(signed.id()).isEqualTo("ntf_fixed");
    assertThat(signed.timestamp()).isEqualTo(1_700_000_000L);
    assertThat(WebhookSignature.verify(BankNotifyCommand.DEV_SECRET, "ntf_fixed", "1700000000", signed.body(),
        signed.signature(), 1_700_000_000L, 300)).isTrue();
    assertThat(new JsonObject(signed.body()).fieldNames()).containsExactlyInAnyOrder("id", "type",
        "original_trace_number", "return_code", "amount_minor", "original_effective_date");
  }

  @Test
  @DisplayName("sends a file's text exactly as written, under the file's id")
  void file(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("body.json");
    String text = "{\n  \"id\": \"ntf_file\", \"type\": \"settlement\"\n}\n";
    Files.writeString(file, text);
    BankNotifyCommand.SignedNotification signed = parse("--file", file.toString()).signed(NOW);
    assertThat(signed.body()).isEqualTo(text);
    assertThat(signed.id()).isEqualTo("ntf_file");
    assertThat(WebhookSignature.verify(BankNotifyCommand.DEV_SECRET, "ntf_file", Long.toString(NOW), text,
        signed.signature(), NOW, 300)).isTrue();
  }
}
