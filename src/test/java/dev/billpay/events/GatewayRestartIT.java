package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.BlockedThreadWatch;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.TestGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The relay and the projector survive a gateway restart without losing or duplicating history")
class GatewayRestartIT {
  private static final Api api = new Api();

  @AfterAll
  static void noBlockedThreads() {
    assertThat(BlockedThreadWatch.warnings()).as("blocked-thread warnings").isEmpty();
  }

  @Test
  @DisplayName("payments accepted just before a stop are relayed and projected exactly once after the restart")
  void restart() {
    List<String> ids = new ArrayList<>();
    try (TestGateway first = TestGateway.start()) {
      for (int i = 0; i < 30; i++) {
        ids.add(create());
      }
    } // stopped at once: some events may be unsent, sent but unprojected, or projected but uncommitted
    try (TestGateway second = TestGateway.start()) {
      for (int i = 0; i < 10; i++) {
        ids.add(create());
      }
      Eventually.await(Duration.ofSeconds(120), "all 40 payments in Cassandra",
          () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) >= 1));
      for (String id : ids) {
        assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
      }
      Eventually.await(Duration.ofSeconds(30), "the outbox to drain",
          () -> Probes.pgLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND message_key = ANY(?)",
              (Object) ids.toArray(String[]::new)) == 0);
    }
  }

  private static String create() {
    Api.Response r = api.postPayment(Api.DEV_KEY, UUID.randomUUID().toString(), Api.paymentBody(250));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }
}
