package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.observability.GatewayMetrics;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.GatewayExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Outbox relay: woken in process at commit, safe with several relays at once")
class OutboxRelayIT {
  // idle polls slow down to once a minute: a prompt drain is the in-process wake-up's doing
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of("BILLPAY_OUTBOX_POLL_INTERVAL_MS", "60000"));
  private static final Api api = new Api();

  @BeforeAll
  static void start() throws Exception {
    for (int i = 0; i < 2; i++) {
      gateway.vertx().deployVerticle(new OutboxRelayVerticle(gateway.config(), new GatewayMetrics()))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("100 concurrent payments with three relays: all relayed within seconds, each projected once")
  void threeRelays() {
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(api.postPaymentAsync(Api.DEV_KEY, UUID.randomUUID().toString(), Api.paymentBody(77).encode()));
    }
    List<String> ids = calls.stream().map(CompletableFuture::join).map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      return r.json().getString("id");
    }).toList();
    String[] idArray = ids.toArray(String[]::new);

    Eventually.await(Duration.ofSeconds(5), "the outbox to drain, woken by the commits",
        () -> Probes.pgLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_key = ANY(?)",
            (Object) idArray) == 0);
    Eventually.await(Duration.ofSeconds(90), "every payment in Cassandra",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) >= 1));
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as(id).isEqualTo(1);
    }
    assertThat(new HashSet<>(Probes.topicEvents(new HashSet<>(ids), 100, Duration.ofSeconds(60)).stream()
        .map(e -> e.getString("subject")).toList())).hasSize(100);
  }

  @Test
  @DisplayName("with three relays, each payment's events reach Kafka in the order they happened")
  void orderPerPayment() {
    String date = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
    List<CompletableFuture<String>> flows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // scheduled, then canceled at once: two events of one payment, committed a moment apart
      flows.add(api.postPaymentAsync(Api.DEV_KEY, UUID.randomUUID().toString(),
          Api.paymentBody(88).put("scheduled_for", date).encode()).thenApply(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.json().getString("id");
            Api.Response canceled = api.send("POST", "/v1/payments/" + id + "/cancel", Api.DEV_KEY, null, null,
                UUID.randomUUID().toString());
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            return id;
          }));
    }
    Set<String> ids = new HashSet<>(flows.stream().map(CompletableFuture::join).toList());
    java.util.Map<String, List<String>> typesByPayment = new java.util.HashMap<>();
    for (var e : Probes.topicEvents(ids, 120, Duration.ofSeconds(60))) {
      typesByPayment.computeIfAbsent(e.getString("subject"), k -> new ArrayList<>()).add(e.getString("type"));
    }
    assertThat(typesByPayment).hasSize(60);
    typesByPayment.forEach((id, types) -> assertThat(types).as(id)
        .containsExactly("billpay.payment.scheduled", "billpay.payment.canceled"));
  }
}
