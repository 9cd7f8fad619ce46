package dev.billpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.history.HistoryRebuild;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("billpay history rebuild: the command puts back the history Cassandra lost")
class HistoryCommandIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("after both history tables are truncated, the command since before the payments writes each event back once")
  void rebuildsSince() throws Exception {
    Instant since = Instant.now().minusSeconds(5);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(900 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
    }
    Eventually.await(Duration.ofSeconds(60), "every payment projected",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) == 1));
    String ks = SharedStack.config().cassandra().keyspace();
    Probes.cassandra().execute("TRUNCATE " + ks + ".payment_events_by_payment");
    Probes.cassandra().execute("TRUNCATE " + ks + ".payment_history_by_account");

    HistoryRebuild.Counts counts = HistoryCommand.run(gateway.config(), since);

    assertThat(counts.written()).isGreaterThanOrEqualTo(ids.size());
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
    }
    assertThat(HistoryCommand.run(gateway.config(), Instant.now().plusSeconds(3600)).read())
        .as("nothing on the topic after an instant in the future").isZero();
  }
}
