package dev.billpay.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Which failures are a dependency that is unavailable (503), not our bug (500)")
class ProblemHandlerTest {
  @ParameterizedTest(name = "PostgreSQL SQLSTATE {0}")
  @ValueSource(strings = {"57P01", "57P02", "57P03", "08006", "08001", "53300"})
  @DisplayName("PostgreSQL starting up, shutting down, crashed, out of connections or cut off is unavailable")
  void postgresStates(String state) {
    assertThat(ProblemHandler.isConnectionFailure(new PgException("the database system is starting up", "FATAL",
        state, null))).isTrue();
  }

  @Test
  @DisplayName("a wrapped PostgreSQL start-up error is unavailable too")
  void wrapped() {
    PgException startingUp = new PgException("the database system is starting up", "FATAL", "57P03", null);
    assertThat(ProblemHandler.isConnectionFailure(new RuntimeException("batch failed", startingUp))).isTrue();
  }

  @Test
  @DisplayName("a closed pool is unavailable")
  void closedPool() {
    assertThat(ProblemHandler.isConnectionFailure(new VertxException("Pool closed", true))).isTrue();
  }

  @Test
  @DisplayName("a connection reset by a crashed PostgreSQL, or refused while it restarts, is unavailable")
  void resetAndRefused() {
    assertThat(ProblemHandler.isConnectionFailure(new java.net.SocketException("Connection reset"))).isTrue();
    assertThat(ProblemHandler.isConnectionFailure(new java.net.ConnectException("Connection refused"))).isTrue();
  }

  @Test
  @DisplayName("a Cassandra without its keyspace or table is unavailable")
  void missingSchema() {
    assertThat(ProblemHandler.isConnectionFailure(
        new InvalidQueryException(null, "Keyspace billpay does not exist"))).isTrue();
    assertThat(ProblemHandler.isConnectionFailure(
        new InvalidQueryException(null, "unconfigured table payment_events_by_payment"))).isTrue();
  }

  @Test
  @DisplayName("a constraint violation or a syntax error is not an outage")
  void realErrors() {
    assertThat(ProblemHandler.isConnectionFailure(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    assertThat(ProblemHandler.isConnectionFailure(new PgException("syntax error", "ERROR", "42601", null))).isFalse();
    assertThat(ProblemHandler.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
  }
}
