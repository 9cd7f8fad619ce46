package dev.billpay.banknotifications;

import static dev.billpay.banknotifications.BankSide.newId;
import static dev.billpay.banknotifications.BankSide.now;
import static dev.billpay.banknotifications.BankSide.post;
import static dev.billpay.banknotifications.BankSide.sha256;
import static dev.billpay.banknotifications.BankSide.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.shared.ProblemType;
import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.webhooks.WebhookSecret;
import dev.billpay.webhooks.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Bank notifications: only the bank's signature within five minutes is accepted, once per notification id")
class BankNotificationsIT {
  static final String DEV_BANK = WebhookSecret.generate();
  private static final String OLD_B = WebhookSecret.generate();
  private static final String NEW_B = WebhookSecret.generate();

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of("BILLPAY_BANK_NOTIFICATION_SECRETS",
      "dev-bank=" + DEV_BANK + ",bank-b=" + OLD_B + ",bank-b=" + NEW_B));

  static JsonObject credit(String id, long amount) {
    return new JsonObject().put("id", id).put("type", "incoming_credit").put("amount_minor", amount)
        .put("currency", "USD").put("value_date", LocalDate.now().toString()).put("remittance", "NTF-IT " + id)
        .put("counterparty", new JsonObject().put("name", "ACME Corp"));
  }

  private static long stored(String id, String body) {
    return Probes.pgLong("SELECT count(*) FROM bank_notifications WHERE notification_id = ?", id)
        + Probes.pgLong("SELECT count(*) FROM bank_files WHERE sha256 = ?", sha256(body));
  }

  private static void assertProblem(Api.Response r, ProblemType type) {
    assertThat(r.status()).as(r.body()).isEqualTo(type.status());
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).isEqualTo(type.uri());
  }

  @Test
  @DisplayName("a wrong secret, a stale or future timestamp, an altered body, a missing header or an unknown bank is"
      + " 401 and stores and applies nothing")
  void refusedSignatures() {
    String id = newId();
    String body = credit(id, 1111).encode();
    long now = now();
    String good = WebhookSignature.sign(DEV_BANK, id, now, body);
    String altered = body.replace("1111", "9999");
    Map<String, Api.Response> refused = new LinkedHashMap<>();
    refused.put("wrong secret", post("/v1/bank-notifications/dev-bank", id, Long.toString(now),
        WebhookSignature.sign(WebhookSecret.generate(), id, now, body), body));
    refused.put("stale", post("/v1/bank-notifications/dev-bank", id, Long.toString(now - 600),
        WebhookSignature.sign(DEV_BANK, id, now - 600, body), body));
    refused.put("future", post("/v1/bank-notifications/dev-bank", id, Long.toString(now + 600),
        WebhookSignature.sign(DEV_BANK, id, now + 600, body), body));
    refused.put("altered body", post("/v1/bank-notifications/dev-bank", id, Long.toString(now), good, altered));
    refused.put("no webhook-id", post("/v1/bank-notifications/dev-bank", null, Long.toString(now), good, body));
    refused.put("no timestamp", post("/v1/bank-notifications/dev-bank", id, null, good, body));
    refused.put("no signature", post("/v1/bank-notifications/dev-bank", id, Long.toString(now), null, body));
    refused.put("unknown bank", post("/v1/bank-notifications/bank-z", id, Long.toString(now), good, body));
    refused.put("another bank's secret", post("/v1/bank-notifications/bank-b", id, Long.toString(now), good, body));
    refused.forEach((why, r) -> {
      assertProblem(r, ProblemType.BANK_NOTIFICATION_SIGNATURE_INVALID);
      assertThat(r.json().getString("detail")).as(why).isNotBlank();
    });
    assertThat(stored(id, body) + stored(id, altered)).as("rows of a refused notification").isZero();

    Api.Response accepted = post("/v1/bank-notifications", id, Long.toString(now), good, body);
    assertThat(accepted.status()).as("the same message properly signed, to the default bank: " + accepted.body())
        .isEqualTo(201);
    assertThat(accepted.json().getString("bank")).isEqualTo("dev-bank");
  }

  @Test
  @DisplayName("during a rotation either of the bank's secrets is accepted, and several signatures in one header")
  void rotation() {
    for (String secret : new String[] {OLD_B, NEW_B}) {
      Api.Response r = signed("bank-b", secret, credit(newId(), 2222));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    String id = newId();
    String body = credit(id, 2222).encode();
    long now = now();
    String both = WebhookSignature.header(java.util.List.of(WebhookSecret.generate(), NEW_B), id, now, body);
    assertThat(post("/v1/bank-notifications/bank-b", id, Long.toString(now), both, body).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("the same id and body again answers 200 with the first answer and applies nothing; the same id with"
      + " another body is 409 and applies nothing")
  void idempotentById() {
    String id = newId();
    JsonObject body = credit(id, 3333);
    Api.Response first = signed("dev-bank", DEV_BANK, body);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonObject receipt = first.json();
    assertThat(receipt.getString("notification_id")).isEqualTo(id);
    assertThat(receipt.getString("type")).isEqualTo("incoming_credit");
    assertThat(receipt.getJsonObject("bank_file").getString("kind")).isEqualTo("bank_notification");
    assertThat(receipt.getJsonObject("bank_file").getJsonObject("summary").getInteger("transactions")).isEqualTo(1);
    String bankFile = receipt.getString("bank_file_id");
    long exceptions = Probes.pgLong("SELECT count(*) FROM reconciliation_exceptions WHERE bank_file_id = ?", bankFile);

    Api.Response again = signed("dev-bank", DEV_BANK, body);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(receipt);
    assertThat(Probes.pgLong("SELECT count(*) FROM bank_files WHERE sha256 = ?", sha256(body.encode()))).isEqualTo(1);
    assertThat(Probes.pgLong("SELECT count(*) FROM reconciliation_exceptions WHERE bank_file_id = ?", bankFile))
        .isEqualTo(exceptions);

    JsonObject other = credit(id, 3334);
    assertProblem(signed("dev-bank", DEV_BANK, other), ProblemType.BANK_NOTIFICATION_ID_REUSED);
    assertThat(Probes.pgLong("SELECT count(*) FROM bank_files WHERE sha256 = ?", sha256(other.encode()))).isZero();
    assertThat(signed("bank-b", NEW_B, other).status()).as("ids are per bank").isEqualTo(201);
  }

  @Test
  @DisplayName("a signed body that does not add up is 422 naming each field, one over the limit 413, and neither"
      + " stores nor applies anything")
  void invalidBodies() {
    Map<String, JsonObject> bodies = new LinkedHashMap<>();
    bodies.put("amount_minor", credit(newId(), 0));
    bodies.put("currency", credit(newId(), 100).put("currency", "ABC"));
    bodies.put("direction", credit(newId(), 100).put("direction", "debit"));
    bodies.put("return_code", new JsonObject().put("id", newId()).put("type", "return")
        .put("original_trace_number", "011000010000001").put("return_code", "R00").put("amount_minor", 100)
        .put("original_effective_date", "2026-12-01"));
    bodies.forEach((field, body) -> {
      Api.Response r = signed("dev-bank", DEV_BANK, body);
      assertProblem(r, ProblemType.BANK_NOTIFICATION_INVALID);
      assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(field);
      assertThat(stored(body.getString("id"), body.encode())).isZero();
    });
    JsonObject large = credit(newId(), 100).put("remittance", "x".repeat(70_000));
    Api.Response tooLarge = signed("dev-bank", DEV_BANK, large);
    assertProblem(tooLarge, ProblemType.PAYLOAD_TOO_LARGE);
    assertThat(stored(large.getString("id"), large.encode())).isZero();

    String id = newId();
    String body = credit(newId(), 100).encode();
    long now = now();
    Api.Response mismatch = post("/v1/bank-notifications/dev-bank", id, Long.toString(now),
        WebhookSignature.sign(DEV_BANK, id, now, body), body);
    assertProblem(mismatch, ProblemType.BANK_NOTIFICATION_INVALID);
    assertThat(mismatch.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("id");
  }
}
