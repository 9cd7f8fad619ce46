package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.db.CassandraSchema;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A Cassandra that lost the history tables: the projector's store check recreates them and rebuilds")
class HistoryStoreLossIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_PROJECTOR_STORE_CHECK_INTERVAL_MS", "1000"));
  private static final Api api = new Api();

  @Test
  @DisplayName("after both history tables are dropped (the ledger still lists them), every event is back exactly once")
  void tablesDropped() {
    List<String> ids = HistoryRebuildIT.projectedPayments(4);
    double before = healed();
    String ks = SharedStack.config().cassandra().keyspace();
    Probes.cassandra().execute("DROP TABLE " + ks + ".payment_events_by_payment");
    Probes.cassandra().execute("DROP TABLE " + ks + ".payment_history_by_account");

    Eventually.await(Duration.ofSeconds(120), "the store check to rebuild the history", () -> healed() > before);
    Eventually.await(Duration.ofSeconds(60), "every event back",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) == 1));
    for (String id : ids) {
      assertThat(Probes.cassandraEvents(id)).as("history rows of " + id).isEqualTo(1);
      assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events").json().getJsonArray("data")).hasSize(1);
    }
    // the projector writes new events into the recreated tables
    List<String> later = HistoryRebuildIT.projectedPayments(2);
    assertThat(later).allSatisfy(id -> assertThat(Probes.cassandraEvents(id)).isEqualTo(1));
  }

  @Test
  @DisplayName("after the whole keyspace is dropped (a crash that lost it), the schema and every event come back")
  void keyspaceDropped() {
    List<String> ids = HistoryRebuildIT.projectedPayments(3);
    double before = healed();
    String ks = SharedStack.config().cassandra().keyspace();
    Probes.cassandra().execute(com.datastax.oss.driver.api.core.cql.SimpleStatement
        .newInstance("DROP KEYSPACE " + ks).setTimeout(Duration.ofSeconds(60)));

    Eventually.await(Duration.ofSeconds(120), "the store check to rebuild the history", () -> healed() > before);
    Eventually.await(Duration.ofSeconds(60), "every event back",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) == 1));
    assertThat(Probes.cassandra().execute("SELECT version FROM " + ks + ".schema_migrations").all())
        .as("the schema ledger again").isNotEmpty();
    assertThat(HistoryRebuildIT.projectedPayments(1)).allSatisfy(id ->
        assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id + "/events").json().getJsonArray("data")).hasSize(1));
  }

  @Test
  @DisplayName("after both history tables are truncated (schema intact, offsets committed), every event is back")
  void rowsLostBehindCommittedOffsets() {
    List<String> ids = HistoryRebuildIT.projectedPayments(3);
    double before = healed();
    HistoryRebuildIT.truncateHistory();

    Eventually.await(Duration.ofSeconds(120), "the store check to rebuild the history", () -> healed() > before);
    Eventually.await(Duration.ofSeconds(60), "every event back",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) == 1));
    assertThat(ids).allSatisfy(id -> assertThat(Probes.cassandraEvents(id)).as(id).isEqualTo(1));
  }

  /** Whatever happened above, the keyspace is left with every table for the tests that run later. */
  @AfterAll
  static void restoreSchema() throws Exception {
    var c = SharedStack.config().cassandra();
    CassandraSchema.reapply(Probes.cassandra(), c.schemaDir(), c.keyspace(), c.replication());
  }

  private static double healed() {
    for (String line : api.get(null, "/metrics").body().split("\n")) {
      if (line.startsWith("billpay_history_rebuilds_total{") && line.contains("trigger=\"store-check\"")
          && line.contains("outcome=\"succeeded\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
