package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The history is a projection of the events topic: POST /admin/v1/history/rebuild puts back what Cassandra lost")
class HistoryRebuildIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("after both history tables are truncated, a rebuild brings every event back exactly once")
  void rebuildsTruncatedHistory() {
    List<String> ids = projectedPayments(5);
    truncateHistory();
    assertThat(ids).allSatisfy(id -> assertThat(Probes.cassandraEvents(id)).as(id).isZero());

    JsonObject job = rebuild(new JsonObject());
    assertThat(job.getString("status")).as(job.encode()).isEqualTo("succeeded");
    assertThat(job.getLong("events_written")).isGreaterThanOrEqualTo(ids.size());
    assertThat(job.getLong("events_read")).isGreaterThanOrEqualTo(job.getLong("events_written"));
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
      assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events").json().getJsonArray("data")).hasSize(1);
    }
    assertThat(Probes.metric("billpay_history_rebuilds_total")).isGreaterThanOrEqualTo(1);

    JsonObject again = rebuild(new JsonObject());
    assertThat(again.getString("status")).isEqualTo("succeeded");
    assertThat(ids).allSatisfy(id -> assertThat(Probes.cassandraEvents(id)).as("rebuilt twice: " + id).isEqualTo(1));
  }

  @Test
  @DisplayName("a rebuild since an instant after every event reads nothing; a bad since or field is 400; no token is 401")
  void sinceAndValidation() {
    JsonObject job = rebuild(new JsonObject().put("since", Instant.now().plusSeconds(3600).toString()));
    assertThat(job.getString("status")).isEqualTo("succeeded");
    assertThat(job.getLong("events_read")).isZero();

    assertThat(post(new JsonObject().put("since", "yesterday"), SharedStack.ADMIN_TOKEN).status()).isEqualTo(400);
    assertThat(post(new JsonObject().put("until", "2026-01-01T00:00:00Z"), SharedStack.ADMIN_TOKEN).status())
        .isEqualTo(400);
    assertThat(post(new JsonObject(), Api.DEV_KEY).status()).isEqualTo(401);
    assertThat(api.get(SharedStack.ADMIN_TOKEN, "/admin/v1/history/rebuilds/rbj_00000000000000000000000000000000")
        .status()).isEqualTo(404);
  }

  /** Creates payments and waits until the projector has written each one's event. */
  static List<String> projectedPayments(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(800 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
    }
    Eventually.await(Duration.ofSeconds(60), "every payment projected",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) == 1));
    return ids;
  }

  static void truncateHistory() {
    String ks = SharedStack.config().cassandra().keyspace();
    Probes.cassandra().execute("TRUNCATE " + ks + ".payment_events_by_payment");
    Probes.cassandra().execute("TRUNCATE " + ks + ".payment_history_by_account");
  }

  private static Api.Response post(JsonObject body, String token) {
    return api.send("POST", "/admin/v1/history/rebuild", token, "application/json", body.encode(), null);
  }

  /** Starts a rebuild and waits for its job to end. */
  private static JsonObject rebuild(JsonObject body) {
    Api.Response started = post(body, SharedStack.ADMIN_TOKEN);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String location = started.header("Location");
    assertThat(location).isEqualTo("/admin/v1/history/rebuilds/" + started.json().getString("id"));
    JsonObject[] job = new JsonObject[1];
    Eventually.await(Duration.ofSeconds(120), "the rebuild to end", () -> {
      Api.Response r = api.get(SharedStack.ADMIN_TOKEN, location);
      job[0] = r.json();
      return r.status() == 200 && !"running".equals(job[0].getString("status"));
    });
    return job[0];
  }
}
