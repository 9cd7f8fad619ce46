package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.observability.GatewayMetrics;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A history projector killed in the middle of a batch: the next one writes each event once")
class ProjectorCrashIT {
  // no projector of the gateway's own: this test decides which projector runs and when; windows of
  // two writes, so any batch of three or more events is cut in the middle
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_ROLES", "api,relay,webhooks,maintenance",
      "BILLPAY_PROJECTOR_MAX_IN_FLIGHT", "2"));
  private static final Api api = new Api();

  @Test
  @DisplayName("rows written before the kill are written again by the restarted projector, and Cassandra shows each event once")
  void killedMidBatch() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(700 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
    }
    String[] idArray = ids.toArray(String[]::new);
    Eventually.await(Duration.ofSeconds(60), "every event on the topic",
        () -> Probes.pgLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_key = ANY(?)",
            (Object) idArray) == 0);

    HistoryRepository history = new HistoryRepository(Probes.cassandra(), gateway.config().cassandra().keyspace());
    CompletableFuture<int[]> killed = new CompletableFuture<>();
    String crashing = deploy(new HistoryProjectorVerticle(gateway.config(), history, new GatewayMetrics(),
        (written, batchSize) -> {
          if (written < batchSize) {
            killed.complete(new int[] {written, batchSize});
            // dead from here on: it never reaches the commit
            return Future.failedFuture("projector killed in the middle of its batch");
          }
          return Future.succeededFuture();
        }));
    int[] cut = killed.get(60, TimeUnit.SECONDS);
    assertThat(cut[0]).as("events written before the kill").isPositive().isLessThan(cut[1]);
    gateway.vertx().undeploy(crashing).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(Probes.projectorLag()).as("the killed projector committed nothing of its batch").isPositive();

    deploy(new HistoryProjectorVerticle(gateway.config(), history, new GatewayMetrics()));
    Eventually.await(Duration.ofSeconds(90), "every payment projected",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) >= 1));
    Eventually.await(Duration.ofSeconds(60), "the restarted projector caught up",
        () -> Probes.projectorLag() == 0);
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
    }
    for (String id : ids.subList(0, 3)) {
      Api.Response events = api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events");
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.json().getJsonArray("data")).hasSize(1);
    }
  }

  private static String deploy(HistoryProjectorVerticle projector) throws Exception {
    return gateway.vertx().deployVerticle(projector).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }
}
