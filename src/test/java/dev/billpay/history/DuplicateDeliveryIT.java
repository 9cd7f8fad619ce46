package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("At-least-once delivery shows each event exactly once in the history")
class DuplicateDeliveryIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("an event delivered again (as after a relay crash between send and mark) is projected once")
  void redelivered() throws Exception {
    String id = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(555)).json().getString("id");
    Eventually.await(Duration.ofSeconds(60), "first projection", () -> Probes.cassandraEvents(id) == 1);
    List<JsonObject> events = Probes.topicEvents(Set.of(id), 1, Duration.ofSeconds(60));
    JsonObject event = events.get(0);
    event.remove("_kafka_key");

    var kafka = SharedStack.config().kafka();
    ProducerRecord<String, String> again = new ProducerRecord<>(kafka.paymentEventsTopic(), id, event.encode());
    Probes.produce(again, again, again);
    // the projector has committed past every record on the topic, the redeliveries included
    Eventually.await(Duration.ofSeconds(60), "the projector to catch up", () -> Probes.projectorLag() == 0);

    assertThat(Probes.cassandraEvents(id)).isEqualTo(1);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events").json().getJsonArray("data")).hasSize(1);
  }
}
