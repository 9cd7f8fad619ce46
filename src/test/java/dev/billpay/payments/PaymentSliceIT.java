package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clients.ClientRepository;
import dev.billpay.db.PgPools;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The payment slice, end to end on real PostgreSQL, Kafka and Cassandra")
class PaymentSliceIT {
  private static final String OTHER_KEY = "bp_test_other_client_key_for_tenancy";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @BeforeAll
  static void start() throws Exception {
    var pool = PgPools.shared(gateway.vertx(), SharedStack.config().pg());
    new ClientRepository(pool).ensureClientWithKey("cli_other", "Other client", "key_other", OTHER_KEY)
        .eventually(pool::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a payment is stored, published to Kafka, projected to Cassandra and readable through the API")
  void endToEnd() {
    JsonObject body = Api.paymentBody(12550);
    Api.Response created = api.postPayment(Api.DEV_KEY, "slice-" + body.getString("reference"), body);

    assertThat(created.status()).isEqualTo(201);
    JsonObject payment = created.json();
    String id = payment.getString("id");
    assertThat(id).startsWith("pay_");
    assertThat(payment.getString("status")).isEqualTo("pending");
    assertThat(payment.getLong("amount")).isEqualTo(12550L);
    assertThat(payment.getString("currency")).isEqualTo("USD");

    // durable in PostgreSQL when answered: payment, idempotency record and outbox row
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE id = ? AND amount = 12550", id)).isEqualTo(1);
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ?", id)).isEqualTo(1);

    // on the topic, read by a plain Kafka consumer
    List<JsonObject> events = Probes.topicEvents(Set.of(id), 1, Duration.ofSeconds(60));
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    assertThat(event.getString("specversion")).isEqualTo("1.0");
    assertThat(event.getString("type")).isEqualTo("billpay.payment.created");
    assertThat(event.getString("subject")).isEqualTo(id);
    assertThat(event.getString("_kafka_key")).isEqualTo(id);
    assertThat(event.getJsonObject("data").getString("id")).isEqualTo(id);

    // in Cassandra, once
    Eventually.await(Duration.ofSeconds(60), "history row in Cassandra", () -> Probes.cassandraEvents(id) == 1);

    Api.Response fetched = api.get(Api.DEV_KEY, "/v1/payments/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(payment);

    Api.Response history = api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().getJsonArray("data")).hasSize(1);
    assertThat(history.json().getJsonArray("data").getJsonObject(0).getString("id")).isEqualTo(event.getString("id"));
  }

  @Test
  @DisplayName("another client's payment answers 404, for the payment and for its events")
  void tenancy() {
    JsonObject body = Api.paymentBody(500);
    String id = api.postPayment(Api.DEV_KEY, "tenancy-" + body.getString("reference"), body).json().getString("id");

    Api.Response asOther = api.get(OTHER_KEY, "/v1/payments/" + id);
    assertThat(asOther.status()).isEqualTo(404);
    assertThat(asOther.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(asOther.body()).doesNotContain("\"amount\"").doesNotContain(body.getString("reference"));
    assertThat(api.get(OTHER_KEY, "/v1/payments/" + id + "/events").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a reused reference is refused with 409, so a bill is never paid twice")
  void duplicateReference() {
    JsonObject body = Api.paymentBody(700);
    assertThat(api.postPayment(Api.DEV_KEY, "ref-a-" + body.getString("reference"), body).status()).isEqualTo(201);

    Api.Response second = api.postPayment(Api.DEV_KEY, "ref-b-" + body.getString("reference"), body);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().getString("type")).endsWith("/duplicate-reference");
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE reference = ?", body.getString("reference")))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("health: live always answers, ready reports every dependency UP; /metrics exposes the gateway's meters")
  void health() {
    assertThat(api.get(null, "/health/live").status()).isEqualTo(200);
    Api.Response ready = api.get(null, "/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    JsonObject checks = ready.json().getJsonObject("checks");
    for (String dependency : List.of("postgresql", "kafka", "cassandra")) {
      assertThat(checks.getJsonObject(dependency).getString("status")).as(dependency).isEqualTo("UP");
    }
    Api.Response metrics = api.get(null, "/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health/ready\"")
        .contains("billpay_outbox_backlog ").contains("billpay_projector_lag ")
        .contains("billpay_events_published_total ");
  }
}
