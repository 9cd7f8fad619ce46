package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Concurrent payments share write transactions, yet each is answered as if it were alone")
class PaymentWriteCoalescingIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_PAYMENTS_DAILY_LIMIT_MINOR", "100000"));
  private static final Api api = new Api();

  private record Sent(String kind, String key, CompletableFuture<Api.Response> response) {}

  @Test
  @DisplayName("valid, refused, duplicate-reference, repeated-key and reused-key requests at once: each gets its own answer, only the valid ones are written, once")
  void mixedBurst() {
    String key = Fixtures.newClientKey("Coalescing");
    String fa = Fixtures.createFundingAccount(key, "7000100020");
    String pe = Fixtures.createPayee(key, "7000100020");
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      sent.add(send(key, "valid", UUID.randomUUID().toString(), body(fa, pe, 100 + i, "v-" + UUID.randomUUID())));
    }
    for (int i = 0; i < 10; i++) {
      sent.add(send(key, "unknown-payee", UUID.randomUUID().toString(), body(fa, "pe_01JNOSUCHPAYEE0000000000", 50,
          null)));
    }
    for (int i = 0; i < 5; i++) {
      String reference = "dup-" + UUID.randomUUID();
      sent.add(send(key, "same-reference", UUID.randomUUID().toString(), body(fa, pe, 60, reference)));
      sent.add(send(key, "same-reference", UUID.randomUUID().toString(), body(fa, pe, 60, reference)));
    }
    for (int i = 0; i < 5; i++) {
      String repeated = UUID.randomUUID().toString();
      JsonObject same = body(fa, pe, 70, "rep-" + UUID.randomUUID());
      for (int n = 0; n < 3; n++) {
        sent.add(send(key, "repeated-key", repeated, same));
      }
    }
    for (int i = 0; i < 5; i++) {
      String reused = UUID.randomUUID().toString();
      sent.add(send(key, "reused-key", reused, body(fa, pe, 80, "reu-" + UUID.randomUUID())));
      sent.add(send(key, "reused-key", reused, body(fa, pe, 81, "reu-" + UUID.randomUUID())));
    }

    Set<String> created = new HashSet<>();
    Map<String, List<Api.Response>> byKey = new java.util.HashMap<>();
    for (Sent s : sent) {
      Api.Response r = s.response().join();
      byKey.computeIfAbsent(s.kind() + "/" + s.key(), k -> new ArrayList<>()).add(r);
      switch (s.kind()) {
        case "valid" -> assertThat(r.status()).as(r.body()).isEqualTo(201);
        case "unknown-payee" -> {
          assertThat(r.status()).as(r.body()).isEqualTo(422);
          assertThat(r.json().getString("type")).endsWith("/unknown-reference");
        }
        default -> assertThat(r.status()).as(r.body()).isIn(201, 409, 422);
      }
      if (r.status() == 201) {
        created.add(r.json().getString("id"));
      }
    }
    byKey.forEach((k, responses) -> {
      if (k.startsWith("repeated-key/")) {
        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(responses.stream().map(r -> r.json().getString("id")).distinct()).as(k).hasSize(1);
        assertThat(responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed")))).hasSize(2);
      } else if (k.startsWith("reused-key/")) {
        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 422);
      }
    });
    long sameReferenceCreated = sent.stream().filter(s -> s.kind().equals("same-reference"))
        .map(s -> s.response().join()).filter(r -> r.status() == 201).count();
    assertThat(sameReferenceCreated).as("one of each pair with the same reference").isEqualTo(5);
    assertThat(sent.stream().filter(s -> s.kind().equals("same-reference")).map(s -> s.response().join())
        .filter(r -> r.status() == 409)).allMatch(r -> r.json().getString("type").endsWith("/duplicate-reference"))
        .hasSize(5);

    // 120 valid + 5 of the pairs + 5 repeated keys + 5 reused keys, each written once with one event
    assertThat(created).hasSize(135);
    String[] ids = created.toArray(String[]::new);
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE id = ANY(?)", (Object) ids)).isEqualTo(135);
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ANY(?)", (Object) ids)).isEqualTo(135);
    assertThat(Probes.pgLong("SELECT count(*) FROM payments p JOIN api_keys k ON k.client_id = p.client_id"
        + " WHERE p.id = ANY(?)", (Object) ids)).as("all of this test's client").isEqualTo(135);
    assertThat(Probes.metric("billpay_payment_write_batch_size_max{outcome=\"committed\"}"))
        .as("some requests really shared a transaction").isGreaterThan(1);
  }

  @Test
  @DisplayName("40 concurrent payments of 50.00 against a daily limit of 1,000.00: exactly 20 accepted, 20 refused with 422")
  void dailyLimitUnderConcurrency() {
    String key = Fixtures.newClientKey("Coalescing limit");
    String fa = Fixtures.createFundingAccount(key, "7000100030");
    String pe = Fixtures.createPayee(key, "7000100030");
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(api.postPaymentAsync(key, UUID.randomUUID().toString(), body(fa, pe, 5000, null).encode()));
    }
    List<Api.Response> answers = calls.stream().map(CompletableFuture::join).toList();
    assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(20);
    assertThat(answers.stream().filter(r -> r.status() == 422))
        .allMatch(r -> r.json().getString("type").endsWith("/daily-limit-exceeded")).hasSize(20);
    assertThat(Probes.pgLong("SELECT total FROM client_daily_totals t JOIN payments p ON p.client_id = t.client_id"
        + " WHERE p.funding_account_id = ? LIMIT 1", fa)).isEqualTo(100_000);
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE funding_account_id = ?", fa)).isEqualTo(20);
  }

  private static Sent send(String apiKey, String kind, String idempotencyKey, JsonObject body) {
    return new Sent(kind, idempotencyKey, api.postPaymentAsync(apiKey, idempotencyKey, body.encode()));
  }

  private static JsonObject body(String fa, String pe, long amount, String reference) {
    JsonObject b = new JsonObject().put("funding_account_id", fa).put("payee_id", pe).put("amount", amount)
        .put("currency", "USD");
    return reference == null ? b : b.put("reference", reference);
  }
}
