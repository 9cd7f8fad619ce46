package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.infra.KafkaServer;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Kafka outage: payments are still accepted, and every event arrives once when Kafka is back")
class KafkaOutageIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @AfterAll
  static void brokerStillThere() {
    // the outage test restarts the shared broker in a finally block; the next classes need it
    KafkaServer kafka = SharedStack.stack().kafka();
    assertThat(kafka).isNotNull();
  }

  @Test
  @DisplayName("with the broker stopped POST answers 201; after it restarts every event is on the topic and in Cassandra once")
  void outage() throws Exception {
    KafkaServer kafka = SharedStack.stack().kafka();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create());
    }
    kafka.stop();
    try {
      for (int i = 0; i < 20; i++) {
        ids.add(create());
      }
      Eventually.await(Duration.ofSeconds(30), "the backlog metric to show the unsent events",
          () -> Probes.metric("billpay_outbox_backlog") >= 20);
      Api.Response ready = api.get(null, "/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().getJsonObject("checks").getJsonObject("kafka").getString("status")).isEqualTo("DOWN");
      assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE id = ANY(?)", (Object) ids.toArray(String[]::new)))
          .isEqualTo(25);
    } finally {
      kafka.start();
    }

    Set<String> wanted = new HashSet<>(ids);
    Eventually.await(Duration.ofSeconds(120), "all 25 payments in Cassandra",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) >= 1));
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
    }
    List<JsonObject> onTopic = Probes.topicEvents(wanted, 25, Duration.ofSeconds(60));
    Set<String> subjects = new HashSet<>();
    onTopic.forEach(e -> subjects.add(e.getString("subject")));
    assertThat(subjects).isEqualTo(wanted);
    Eventually.await(Duration.ofSeconds(30), "the backlog metric back to zero",
        () -> Probes.metric("billpay_outbox_backlog") == 0);
    Eventually.await(Duration.ofSeconds(30), "the outbox to drain",
        () -> Probes.pgLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_key = ANY(?)",
            (Object) ids.toArray(String[]::new)) == 0);
  }

  private static String create() {
    Api.Response r = api.postPayment(Api.DEV_KEY, UUID.randomUUID().toString(), Api.paymentBody(100));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }
}
