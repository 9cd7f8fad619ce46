package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Probes;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("docs/events.md matches the events really emitted to Kafka")
class EventCatalogIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("every type emitted by today's flows (created, scheduled, canceled) is documented with the same shape")
  void emittedTypesMatchTheirExamples() throws Exception {
    Map<String, JsonObject> documented = DocumentedEvents.examples();
    String now = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(100)).json().getString("id");
    String later = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(200)
        .put("scheduled_for", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString())).json().getString("id");
    assertThat(api.send("POST", "/v1/payments/" + later + "/cancel", Api.DEV_KEY, null, null,
        UUID.randomUUID().toString()).status()).isEqualTo(200);

    List<JsonObject> emitted = Probes.topicEvents(Set.of(now, later), 3, Duration.ofSeconds(60));
    assertThat(emitted).extracting(e -> e.getString("type")).containsExactlyInAnyOrder(
        "billpay.payment.created", "billpay.payment.scheduled", "billpay.payment.canceled");
    emitted.forEach(DocumentedEvents::assertMatchesItsExample);
  }

  @Test
  @DisplayName("disabling a webhook endpoint emits billpay.webhook_endpoint.disabled, keyed by the endpoint, as documented")
  void endpointDisabled() throws Exception {
    String id = api.post(Api.DEV_KEY, "/v1/webhook-endpoints", new JsonObject().put("url", "http://127.0.0.1:9/hook")
        .put("event_types", new io.vertx.core.json.JsonArray().add("billpay.payment.settled"))).json().getString("id");
    assertThat(api.post(Api.DEV_KEY, "/v1/webhook-endpoints/" + id + "/disable", new JsonObject()).status())
        .isEqualTo(200);
    assertThat(api.post(Api.DEV_KEY, "/v1/webhook-endpoints/" + id + "/disable", new JsonObject()).status())
        .as("disabling again is not a change").isEqualTo(200);
    List<JsonObject> emitted = Probes.topicEvents(Set.of(id), 2, Duration.ofSeconds(20));
    assertThat(emitted).hasSize(1);
    assertThat(emitted.get(0).getString("type")).isEqualTo("billpay.webhook_endpoint.disabled");
    assertThat(emitted.get(0).getString("_kafka_key")).isEqualTo(id);
    assertThat(emitted.get(0).getJsonObject("data").getBoolean("enabled")).isFalse();
    DocumentedEvents.assertMatchesItsExample(emitted.get(0));
  }

  @Test
  @DisplayName("every state of the payment state machine has a documented event type")
  void everyStateDocumented() throws Exception {
    Map<String, JsonObject> documented = DocumentedEvents.examples();
    for (var status : dev.billpay.payments.PaymentStatus.values()) {
      if (status == dev.billpay.payments.PaymentStatus.PENDING) {
        assertThat(documented).containsKey("billpay.payment.created");
      }
      assertThat(documented).containsKey("billpay.payment." + status.wire());
    }
  }

  @Test
  @DisplayName("the events and dead-letter topics are created with the configured partitions and retention")
  void topicSettingsFromConfig() throws Exception {
    var kafka = gateway.config().kafka();
    try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
        kafka.bootstrapServers()))) {
      for (String topic : List.of(kafka.paymentEventsTopic(), kafka.deadLetterTopic())) {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        assertThat(description.partitions()).as(topic).hasSize(kafka.partitions());
        var resource = new org.apache.kafka.common.config.ConfigResource(
            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("retention.ms").value()).as(topic)
            .isEqualTo(Long.toString(kafka.retentionHours() * 3_600_000L));
      }
    }
  }
}
