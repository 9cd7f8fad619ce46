package dev.billpay.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cassandra schema files")
class CassandraSchemaTest {

  @Test
  @DisplayName("statements are split on semicolons with comment lines dropped")
  void split() {
    assertThat(CassandraSchema.statements("-- a comment; with a semicolon\nCREATE TABLE a (x int);\n\nCREATE TABLE b (y int);\n"))
        .containsExactly("CREATE TABLE a (x int)", "CREATE TABLE b (y int)");
  }

  @Test
  @DisplayName("the shipped files define both history tables (by account and month, by payment), parameterised by keyspace")
  void shippedFiles() throws Exception {
    String all = Files.readString(Path.of("cassandra-schema/001_keyspace.cql"))
        + Files.readString(Path.of("cassandra-schema/002_payment_history.cql"));
    assertThat(all).contains("${keyspace}.payment_history_by_account")
        .contains("PRIMARY KEY ((client_id, funding_account_id, month), occurred_at, event_id)")
        .contains("${keyspace}.payment_events_by_payment")
        .contains("PRIMARY KEY ((payment_id), occurred_at, event_id)");
  }
}
