package dev.billpay.cli;

import dev.billpay.app.Gateway;
import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.EmbeddedStack;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs the gateway until SIGINT/SIGTERM, then stops it and the embedded servers it started. */
final class Running {
  private Running() {}

  static int runUntilSignal(GatewayConfig config, EmbeddedStack stack, boolean devClient) throws Exception {
    Vertx vertx = Vertx.vertx();
    CountDownLatch stopped = new CountDownLatch(1);
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config, devClient).toCompletionStage().toCompletableFuture()
          .get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (stack != null) {
        stack.close();
      }
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping billpay-gateway...");
      try {
        gateway.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("gateway did not stop cleanly: " + e);
      }
      if (stack != null) {
        stack.close();
      }
      System.out.println("stopped");
      stopped.countDown();
    }, "billpay-shutdown"));
    System.out.println("billpay-gateway ready on http://localhost:" + config.http().port()
        + (devClient ? "  (development API key: " + config.auth().devApiKey() + ")" : ""));
    stopped.await();
    return 0;
  }
}
