package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Probes;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("docs/events.md matches the events really emitted to Kafka")
class EventCatalogIT {
  private static final Pattern SECTION =
      Pattern.compile("(?m)^### (billpay\\.payment\\.[a-z_]+)\\s*$[\\s\\S]*?```json\\n([\\s\\S]*?)\\n```");
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  static Map<String, JsonObject> documentedExamples() throws Exception {
    Map<String, JsonObject> examples = new HashMap<>();
    Matcher m = SECTION.matcher(Files.readString(Path.of("docs/events.md")));
    while (m.find()) {
      examples.putIfAbsent(m.group(1), new JsonObject(m.group(2)));
    }
    return examples;
  }

  @Test
  @DisplayName("every type emitted by today's flows (created, scheduled, canceled) is documented with the same shape")
  void emittedTypesMatchTheirExamples() throws Exception {
    Map<String, JsonObject> documented = documentedExamples();
    String now = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(100)).json().getString("id");
    String later = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(200)
        .put("scheduled_for", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString())).json().getString("id");
    assertThat(api.send("POST", "/v1/payments/" + later + "/cancel", Api.DEV_KEY, null, null,
        UUID.randomUUID().toString()).status()).isEqualTo(200);

    List<JsonObject> emitted = Probes.topicEvents(Set.of(now, later), 3, Duration.ofSeconds(60));
    assertThat(emitted).extracting(e -> e.getString("type")).containsExactlyInAnyOrder(
        "billpay.payment.created", "billpay.payment.scheduled", "billpay.payment.canceled");
    for (JsonObject event : emitted) {
      event.remove("_kafka_key");
      JsonObject example = documented.get(event.getString("type"));
      assertThat(example).as("documented example for " + event.getString("type")).isNotNull();
      assertThat(event.fieldNames()).as("envelope of " + event.getString("type"))
          .containsExactlyInAnyOrderElementsOf(example.fieldNames());
      assertThat(event.getJsonObject("data").fieldNames()).as("data of " + event.getString("type"))
          .containsExactlyInAnyOrderElementsOf(example.getJsonObject("data").fieldNames());
      assertThat(event.getJsonObject("data").getString("status"))
          .isEqualTo(example.getJsonObject("data").getString("status"));
    }
  }

  @Test
  @DisplayName("every state of the payment state machine has a documented event type")
  void everyStateDocumented() throws Exception {
    Map<String, JsonObject> documented = documentedExamples();
    for (var status : dev.billpay.payments.PaymentStatus.values()) {
      if (status == dev.billpay.payments.PaymentStatus.PENDING) {
        assertThat(documented).containsKey("billpay.payment.created");
      }
      assertThat(documented).containsKey("billpay.payment." + status.wire());
    }
  }
}
