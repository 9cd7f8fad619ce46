package dev.billpay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One gateway per integration-test class on the shared stack: started before the class's own
 * {@code @BeforeAll}, stopped after its {@code @AfterAll}, and then the class fails if anything
 * blocked an event loop. Register it as a static {@code @RegisterExtension} field.
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<GatewayConfig> config;
  private GatewayConfig started;
  private TestGateway gateway;

  private GatewayExtension(Supplier<GatewayConfig> config) {
    this.config = config;
  }

  public static GatewayExtension withDefaults() {
    return new GatewayExtension(SharedStack::config);
  }

  /** The test configuration with some keys overridden, e.g. a lower daily limit. */
  public static GatewayExtension with(Map<String, String> overrides) {
    return new GatewayExtension(() -> SharedStack.configWith(overrides));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    started = config.get();
    gateway = TestGateway.start(started);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (gateway != null) {
        gateway.close();
      }
    } finally {
      assertThat(BlockedThreadWatch.warnings()).as("blocked-thread warnings").isEmpty();
    }
  }

  /** Stops the gateway and starts a new one on the same configuration (the stack keeps running). */
  public void restart() {
    gateway.close();
    gateway = TestGateway.start(started);
  }

  public Vertx vertx() {
    return gateway.vertx();
  }

  /** The gateway's object graph, for tests that deploy a role themselves (e.g. with their own clock). */
  public dev.billpay.app.Wiring wiring() {
    return gateway.wiring();
  }

  public GatewayConfig config() {
    return started;
  }
}
