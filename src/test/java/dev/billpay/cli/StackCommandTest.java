package dev.billpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("billpay stack prints the environment of the servers it started, and only those")
class StackCommandTest {
  private final GatewayConfig resolved = ConfigLoader.load(Map.of(
      "BILLPAY_PG_URL", "postgresql://127.0.0.1:15432/billpay",
      "BILLPAY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092",
      "BILLPAY_CASSANDRA_CONTACT_POINTS", "127.0.0.1:19042"));

  @Test
  @DisplayName("all three embedded give the three variables a serve process reads")
  void allThree() {
    assertThat(StackCommand.environment(List.of("postgresql", "kafka", "cassandra"), resolved)).containsExactly(
        "BILLPAY_PG_URL=postgresql://127.0.0.1:15432/billpay",
        "BILLPAY_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092",
        "BILLPAY_CASSANDRA_CONTACT_POINTS=127.0.0.1:19042");
  }

  @Test
  @DisplayName("a server with a configured address gets no line: the serve processes have it already")
  void onlyStarted() {
    assertThat(StackCommand.environment(List.of("kafka"), resolved))
        .containsExactly("BILLPAY_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092");
  }
}
