package dev.billpay.benchmark;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code billpay-benchmark in-memory-endpoint}: phase (b)'s server, run by the benchmark as a child JVM. */
@Command(name = "in-memory-endpoint", mixinStandardHelpOptions = true,
    description = "Serve POST /v1/payments from memory (no I/O), one verticle per core, until stopped.")
final class InMemoryEndpointCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "18090", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    int instances = Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new InMemoryEndpoint(port), new DeploymentOptions().setInstances(instances))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.out.println("in-memory endpoint ready on http://127.0.0.1:" + port + " (" + instances + " verticles)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
      stopped.countDown();
    }, "in-memory-endpoint-stop"));
    stopped.await();
    return 0;
  }
}
