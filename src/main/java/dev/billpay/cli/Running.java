package dev.billpay.cli;

import dev.billpay.app.Gateway;
import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.EmbeddedStack;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs until SIGINT/SIGTERM, then stops the gateway and the embedded servers it started. */
final class Running {
  private Running() {}

  static int runUntilSignal(GatewayConfig config, EmbeddedStack stack, boolean devClient) throws Exception {
    Vertx vertx = Vertx.vertx();
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
    CountDownLatch stopped = stopOnSignal("billpay-gateway", () -> {
      try {
        gateway.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("gateway did not stop cleanly: " + e);
      }
      if (stack != null) {
        stack.close();
      }
    });
    System.out.println("billpay-gateway ready on http://localhost:" + config.http().port()
        + (devClient ? "  (development API key: " + config.auth().devApiKey() + ")" : ""));
    stopped.await();
    return 0;
  }

  /**
   * Runs {@code stop} once, on the first SIGINT/SIGTERM or any other way out of the JVM, between a
   * "stopping" and a "stopped" line; a second signal exits at once (embedded servers watch our stdin
   * and stop when we are gone; a stale PostgreSQL is found by its pid file at the next start).
   * The latch opens when {@code stop} has run.
   */
  static CountDownLatch stopOnSignal(String what, Runnable stop) {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable once = () -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      System.out.println("stopping " + what + "... (a second Ctrl-C or SIGTERM exits at once)");
      stop.run();
      System.out.println("stopped");
      stopped.countDown();
    };
    int[] signals = {0};
    sun.misc.SignalHandler onSignal = signal -> {
      synchronized (signals) {
        signals[0]++;
        if (signals[0] > 1) {
          System.err.println("second " + signal.getName() + ": exiting now");
          Runtime.getRuntime().halt(128 + signal.getNumber());
        }
      }
      new Thread(once, "billpay-shutdown").start();
    };
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), onSignal);
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), onSignal);
    Runtime.getRuntime().addShutdownHook(new Thread(once, "billpay-shutdown-hook"));
    return stopped;
  }
}
