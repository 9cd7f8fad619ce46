package dev.billpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Probes;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Idempotency-Key on POST /v1/payments")
class IdempotencyIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("the same key and body replays the stored answer with Idempotent-Replayed: true")
  void replay() {
    String key = UUID.randomUUID().toString();
    JsonObject body = Api.paymentBody(1000);
    Api.Response first = api.postPayment(Api.DEV_KEY, key, body);
    // the same JSON with its fields in another order is the same request
    JsonObject reordered = new JsonObject().put("reference", body.getString("reference"))
        .put("currency", "USD").put("amount", 1000).put("payee_id", body.getString("payee_id"))
        .put("funding_account_id", body.getString("funding_account_id"));
    Api.Response second = api.postPayment(Api.DEV_KEY, key, reordered);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE reference = ?", body.getString("reference")))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a stored answer is replayed after the gateway restarts")
  void replayAfterRestart() {
    String key = UUID.randomUUID().toString();
    JsonObject body = Api.paymentBody(1234);
    Api.Response first = api.postPayment(Api.DEV_KEY, key, body);
    gateway.restart();
    Api.Response again = api.postPayment(Api.DEV_KEY, key, body);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
  }

  @Test
  @DisplayName("the same key with a different body is refused with 422 idempotency-key-reused")
  void reuseWithOtherBody() {
    String key = UUID.randomUUID().toString();
    assertThat(api.postPayment(Api.DEV_KEY, key, Api.paymentBody(1000)).status()).isEqualTo(201);

    Api.Response reused = api.postPayment(Api.DEV_KEY, key, Api.paymentBody(2000));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reused.json().getString("type")).isEqualTo("https://billpay-gateway.dev/problems/idempotency-key-reused");
  }

  @Test
  @DisplayName("a missing key is a 400 that names the header")
  void missingKey() {
    Api.Response r = api.postPayment(Api.DEV_KEY, null, Api.paymentBody(1000));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("type")).endsWith("/idempotency-key-missing");
    assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("Idempotency-Key");
  }

  @Test
  @DisplayName("50 concurrent identical requests create exactly one payment; the others replay it or get 409")
  void concurrentSameKey() {
    String key = UUID.randomUUID().toString();
    String body = Api.paymentBody(4242).encode();
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(api.postPaymentAsync(Api.DEV_KEY, key, body));
    }
    List<Api.Response> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
    Set<String> ids = responses.stream().filter(r -> r.status() == 201).map(r -> r.json().getString("id"))
        .collect(Collectors.toSet());
    assertThat(ids).hasSize(1);
    assertThat(responses.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null))
        .hasSize(1);
    String reference = new JsonObject(body).getString("reference");
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE reference = ?", reference)).isEqualTo(1);
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ?", ids.iterator().next())).isEqualTo(1);
  }
}
