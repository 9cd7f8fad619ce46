package dev.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.testing.Api;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.TestGateway;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("External servers are configuration only")
class ExternalModeIT {

  @Test
  @DisplayName("with all three addresses in the environment, nothing is started and the gateway serves on them")
  void externalAddressesStartNothing() throws Exception {
    GatewayConfig running = SharedStack.config();
    Map<String, String> env = SharedStack.testEnvironment();
    env.put("BILLPAY_PG_URL", running.pg().url());
    env.put("BILLPAY_KAFKA_BOOTSTRAP_SERVERS", running.kafka().bootstrapServers());
    env.put("BILLPAY_CASSANDRA_CONTACT_POINTS", running.cassandra().contactPoints());
    // ports where nothing could start unnoticed: a started server would be a failure
    env.put("BILLPAY_EMBEDDED_DATA_DIR", "target/external-mode-must-stay-empty");
    GatewayConfig external = ConfigLoader.load(env);

    assertThat(EmbeddedStack.plan(external)).isEmpty();
    try (EmbeddedStack stack = EmbeddedStack.start(external, line -> {
      throw new AssertionError("started a server: " + line);
    })) {
      assertThat(stack.postgres()).isNull();
      assertThat(stack.kafka()).isNull();
      assertThat(stack.cassandra()).isNull();
      assertThat(stack.config()).isEqualTo(external);
      try (TestGateway gateway = TestGateway.start(stack.config())) {
        assertThat(new Api().get(null, "/health/ready").status()).isEqualTo(200);
      }
    }
  }
}
