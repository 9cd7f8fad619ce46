package dev.billpay.testing;

import dev.billpay.app.Gateway;
import dev.billpay.app.Wiring;
import dev.billpay.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** A gateway (all roles) in the test JVM against the shared stack, with its own Vert.x instance. */
public final class TestGateway implements AutoCloseable {
  private final Vertx vertx;
  private final Gateway gateway;
  private boolean closed;

  private TestGateway(Vertx vertx, Gateway gateway) {
    this.vertx = vertx;
    this.gateway = gateway;
  }

  public static TestGateway start(GatewayConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      Gateway g = Gateway.start(vertx, config, true).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
      return new TestGateway(vertx, g);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("gateway failed to start", e);
    }
  }

  public static TestGateway start() {
    return start(SharedStack.config());
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The running gateway's object graph, for tests that deploy a role themselves. */
  public Wiring wiring() {
    return gateway.wiring();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      gateway.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("gateway failed to stop", e);
    }
  }
}
