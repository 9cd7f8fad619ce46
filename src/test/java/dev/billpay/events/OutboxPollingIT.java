package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Outbox relay: events committed by another process are found by polling")
class OutboxPollingIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of("BILLPAY_OUTBOX_POLL_INTERVAL_MS", "200"));

  @Test
  @DisplayName("an outbox row inserted over a connection of its own (no wake-up in this process) reaches Kafka")
  void rowOfAnotherProcess() throws Exception {
    // the gateway under test has been idle since its start, so its relay polls at the interval's pace
    Thread.sleep(1_000);
    String key = "polled-" + UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    JsonObject event = new JsonObject().put("specversion", "1.0").put("id", eventId)
        .put("type", "billpay.test.polled").put("source", "/tests").put("subject", key)
        .put("time", Instant.now().toString()).put("data", new JsonObject());
    Probes.pgLong("INSERT INTO outbox (event_id, message_key, payload, created_at) VALUES (?, ?, ?, now())"
        + " RETURNING 1", eventId, key, event.encode());

    List<JsonObject> relayed = Probes.topicEvents(Set.of(key), 1, Duration.ofSeconds(20));

    assertThat(relayed).extracting(e -> e.getString("id")).containsExactly(eventId);
  }
}
