package dev.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.billpay.db.CassandraSessions;
import dev.billpay.testing.SharedStack;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The embedded Cassandra keeps what it acknowledged when its process is killed: under Cassandra's default
 * periodic commit-log sync the rows of the last seconds are gone after a kill -9, behind the projector's
 * committed offsets.
 */
class CassandraDurabilityIT {

  @Test
  @DisplayName("every write Cassandra acknowledged right before a kill -9 is there after the restart")
  void acknowledgedWritesSurviveAKill() throws Exception {
    CassandraServer cassandra = SharedStack.stack().cassandra();
    String table = "billpay_durability.acknowledged";
    try (CqlSession cql = CassandraSessions.open(SharedStack.config().cassandra())) {
      cql.execute("CREATE KEYSPACE IF NOT EXISTS billpay_durability WITH replication = "
          + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
      cql.execute("CREATE TABLE IF NOT EXISTS " + table + " (id text PRIMARY KEY)");
      PreparedStatement insert = cql.prepare("INSERT INTO " + table + " (id) VALUES (?)");
      String run = Long.toString(System.nanoTime());
      for (int i = 0; i < 300; i++) {
        cql.execute(insert.bind(run + "-" + i));
      }
      ProcessHandle node = cassandra.process().orElseThrow();
      node.destroyForcibly();
      node.onExit().join();
      cassandra.stop();
      cassandra.start();
      Set<String> found = new HashSet<>();
      try (CqlSession after = CassandraSessions.open(SharedStack.config().cassandra())) {
        after.execute("SELECT id FROM " + table).forEach(r -> found.add(r.getString(0)));
      }
      Set<String> missing = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        if (!found.contains(run + "-" + i)) {
          missing.add(run + "-" + i);
        }
      }
      assertThat(missing).as("acknowledged rows lost by the kill").isEmpty();
    }
  }
}
