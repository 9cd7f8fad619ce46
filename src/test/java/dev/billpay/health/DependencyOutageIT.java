package dev.billpay.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A dependency that is down gives 503 problem+json, and service resumes when it is back")
class DependencyOutageIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("Cassandra down: history reads answer 503, readiness says so, payments are accepted and the projector lag grows; then it catches up")
  void cassandraDown() throws Exception {
    String id = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(900)).json().getString("id");
    var cassandra = SharedStack.stack().cassandra();
    java.util.List<String> duringOutage = new java.util.ArrayList<>();
    cassandra.stop();
    try {
      Api.Response events = api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events");
      assertThat(events.status()).as(events.body()).isEqualTo(503);
      assertThat(events.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(events.json().getString("type")).endsWith("/dependency-unavailable");
      assertThat(api.get(null, "/health/ready").json().getJsonObject("checks").getJsonObject("cassandra")
          .getString("status")).isEqualTo("DOWN");
      for (int i = 0; i < 5; i++) {
        Api.Response accepted = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(901));
        assertThat(accepted.status()).isEqualTo(201);
        duringOutage.add(accepted.json().getString("id"));
      }
      // the projector keeps retrying its batch, so its lag grows instead of records being skipped
      Eventually.await(Duration.ofSeconds(60), "the projector lag metric to show the waiting events",
          () -> Probes.metric("billpay_projector_lag") >= 5);
    } finally {
      cassandra.start();
    }
    Eventually.await(Duration.ofSeconds(90), "history readable again",
        () -> api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events").status() == 200);
    // the projector retried while Cassandra was down and catches up with nothing missing or doubled
    Eventually.await(Duration.ofSeconds(90), "payments accepted during the outage projected",
        () -> duringOutage.stream().allMatch(p -> Probes.cassandraEvents(p) >= 1));
    for (String p : duringOutage) {
      assertThat(Probes.cassandraEvents(p)).as(p).isEqualTo(1);
    }
    Eventually.await(Duration.ofSeconds(60), "the projector lag metric back to zero",
        () -> Probes.metric("billpay_projector_lag") == 0);
  }

  @Test
  @DisplayName("PostgreSQL down: a payment is refused with 503 (never a false 201), and accepted again after restart")
  void postgresDown() throws Exception {
    var body = Api.paymentBody(902); // its fixtures are created while PostgreSQL is still up
    var postgres = SharedStack.stack().postgres();
    postgres.stop();
    try {
      Api.Response refused = api.post(Api.DEV_KEY, "/v1/payments", body);
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.json().getString("type")).endsWith("/dependency-unavailable");
    } finally {
      postgres.start();
    }
    Eventually.await(Duration.ofSeconds(60), "payments accepted again",
        () -> api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(903)).status() == 201);
  }
}
