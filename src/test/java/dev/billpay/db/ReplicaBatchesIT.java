package dev.billpay.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Replica batches: rows grouped into bounded unlogged batches, every row written")
class ReplicaBatchesIT {
  private final CqlSession session = Probes.cassandra();
  private final String ks = SharedStack.config().cassandra().keyspace();
  private final PreparedStatement insert = session.prepare("INSERT INTO " + ks + ".payment_events_by_payment"
      + " (payment_id, occurred_at, event_id, client_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?)");

  @Test
  @DisplayName("200 rows of 200 partitions on the one node go as batches of at most 32 rows, and all are stored")
  void boundedBatches() {
    String prefix = "pay_rb_" + UUID.randomUUID() + "_";
    List<BoundStatement> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row(prefix + i, "x".repeat(100)));
    }

    List<Statement<?>> requests = ReplicaBatches.of(session, rows);
    requests.forEach(session::execute);

    assertThat(requests).hasSize(7); // 6 x 32 + 8
    assertThat(requests).allSatisfy(r -> assertThat(r).isInstanceOf(BatchStatement.class));
    assertThat(requests.stream().mapToInt(r -> ((BatchStatement) r).size()).max().orElse(0))
        .isEqualTo(ReplicaBatches.MAX_ROWS);
    for (int i = 0; i < 200; i++) {
      assertThat(Probes.cassandraEvents(prefix + i)).as("row " + i).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("large rows close a batch before it passes the byte limit; a row above it goes alone")
  void byteLimit() {
    String prefix = "pay_rb_" + UUID.randomUUID() + "_";
    List<BoundStatement> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row(prefix + i, "y".repeat(15_000)));
    }
    rows.add(row(prefix + "big", "z".repeat(ReplicaBatches.MAX_BYTES + 1)));

    List<Statement<?>> requests = ReplicaBatches.of(session, rows);
    requests.forEach(session::execute);

    // two 15 KB rows fit under 40 KiB, a third would not
    assertThat(requests).hasSize(6);
    assertThat(requests.get(5)).isInstanceOf(BoundStatement.class);
    assertThat(Probes.cassandraEvents(prefix + "big")).isEqualTo(1);
  }

  private BoundStatement row(String paymentId, String payload) {
    return insert.bind(paymentId, Instant.now(), "evt_" + UUID.randomUUID(), "cli_rb", "billpay.payment.created",
        payload);
  }
}
