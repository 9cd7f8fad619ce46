package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.observability.GatewayMetrics;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.webhooks.WebhookReceiver;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A relay killed between Kafka's acknowledgement and marking the rows sent: each event once downstream")
class RelayCrashIT {
  // no relay of the gateway's own: this test decides which relay runs and when
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_ROLES", "api,projector,webhooks,maintenance"));
  private static final Api api = new Api();
  private static WebhookReceiver receiver;
  private static String endpointId;

  @AfterAll
  static void stop() throws Exception {
    if (endpointId != null) {
      // later test classes' payments must not queue deliveries for the closed receiver
      api.send("DELETE", "/v1/webhook-endpoints/" + endpointId, Api.DEV_KEY, null, null);
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  @DisplayName("the batch is sent twice to Kafka, yet Cassandra history and webhook deliveries show every event once")
  void killedBeforeMark() throws Exception {
    receiver = new WebhookReceiver();
    Api.Response ep = api.post(Api.DEV_KEY, "/v1/webhook-endpoints", new JsonObject()
        .put("url", receiver.url("/crash")).put("event_types", new JsonArray().add("billpay.payment.created")));
    assertThat(ep.status()).as(ep.body()).isEqualTo(201);
    endpointId = ep.json().getString("id");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(300 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
    }
    String[] idArray = ids.toArray(String[]::new);

    CompletableFuture<Integer> killed = new CompletableFuture<>();
    String crashing = deploy(new OutboxRelayVerticle(gateway.config(), new GatewayMetrics(), batch -> {
      killed.complete(batch.size());
      return Future.failedFuture("relay killed after the broker acknowledged");
    }));
    assertThat(killed.get(60, TimeUnit.SECONDS)).isPositive();
    gateway.vertx().undeploy(crashing).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_key = ANY(?)",
        (Object) idArray)).as("rows still unsent after the kill").isEqualTo(20);

    deploy(new OutboxRelayVerticle(gateway.config(), new GatewayMetrics()));
    Eventually.await(Duration.ofSeconds(60), "the outbox drained by the next relay",
        () -> Probes.pgLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_key = ANY(?)",
            (Object) idArray) == 0);

    List<JsonObject> onTopic = Probes.topicEvents(new HashSet<>(ids), 40, Duration.ofSeconds(60));
    assertThat(onTopic).as("the killed relay's batch and the resend both reached Kafka").hasSizeGreaterThanOrEqualTo(40);
    Eventually.await(Duration.ofSeconds(90), "every payment projected",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) >= 1));
    Eventually.await(Duration.ofSeconds(60), "every webhook received",
        () -> receivedSubjects().containsAll(ids));
    Eventually.await(Duration.ofSeconds(60), "the projector and the dispatcher past the duplicates",
        () -> Probes.projectorLag() == 0 && Probes.groupLag(gateway.config().webhooks().groupId()) == 0);
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
    }
    assertThat(Probes.pgLong("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ?",
        ep.json().getString("id"))).isEqualTo(20);
    List<String> received = receiver.received("/crash").stream()
        .map(r -> new JsonObject(r.body()).getString("subject")).toList();
    assertThat(received).hasSize(20).containsExactlyInAnyOrderElementsOf(ids);
  }

  private static Set<String> receivedSubjects() {
    Set<String> out = new HashSet<>();
    receiver.received("/crash").forEach(r -> out.add(new JsonObject(r.body()).getString("subject")));
    return out;
  }

  private static String deploy(OutboxRelayVerticle relay) throws Exception {
    return gateway.vertx().deployVerticle(relay).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
