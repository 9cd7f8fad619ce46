package dev.billpay.infra;

import dev.billpay.config.GatewayConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The embedded default: starts, in parallel, each of PostgreSQL, Kafka and Cassandra whose address
 * the configuration leaves empty, and stops them in reverse. A configured address is used as is
 * and nothing is started for it (Twelve-Factor: external servers are configuration only).
 */
public final class EmbeddedStack implements AutoCloseable {
  private final GatewayConfig resolved;
  private final PostgresServer postgres;
  private final KafkaServer kafka;
  private final CassandraServer cassandra;
  private final List<EmbeddedServer> started;
  private ServerSupervisor supervisor;

  private EmbeddedStack(GatewayConfig resolved, PostgresServer postgres, KafkaServer kafka,
      CassandraServer cassandra, List<EmbeddedServer> started) {
    this.resolved = resolved;
    this.postgres = postgres;
    this.kafka = kafka;
    this.cassandra = cassandra;
    this.started = started;
  }

  /** Which servers this configuration would start; empty when all three are external. */
  public static List<String> plan(GatewayConfig config) {
    List<String> plan = new ArrayList<>();
    if (!config.pg().external()) {
      plan.add("postgresql");
    }
    if (!config.kafka().external()) {
      plan.add("kafka");
    }
    if (!config.cassandra().external()) {
      plan.add("cassandra");
    }
    return plan;
  }

  public static EmbeddedStack start(GatewayConfig config, Consumer<String> progress) throws Exception {
    GatewayConfig.EmbeddedConfig e = config.embedded();
    Files.createDirectories(e.dataDir());
    String javaBin = JavaRuntime.javaBinary(e.javaHome());
    PostgresServer postgres = config.pg().external() ? null : new PostgresServer(e.dataDir(), e.pgPort());
    KafkaServer kafka = config.kafka().external() ? null : new KafkaServer(e.dataDir(), e.kafkaPort(),
        e.kafkaControllerPort(), ServerClasspath.read(e.runtimeClasspathDir(), "kafka"), javaBin,
        JitFlags.of(e.serversQuickStart()));
    CassandraServer cassandra = config.cassandra().external() ? null : new CassandraServer(e.dataDir(),
        e.cassandraPort(), e.cassandraStoragePort(), ServerClasspath.read(e.runtimeClasspathDir(), "cassandra"),
        javaBin, JitFlags.of(e.serversQuickStart()));

    List<EmbeddedServer> servers = new ArrayList<>();
    for (EmbeddedServer s : new EmbeddedServer[] {postgres, kafka, cassandra}) {
      if (s != null) {
        servers.add(s);
      }
    }
    List<EmbeddedServer> started = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, servers.size()), r -> {
      Thread t = new Thread(r, "embedded-stack-start");
      t.setDaemon(true);
      return t;
    });
    try {
      List<CompletableFuture<Void>> starts = new ArrayList<>();
      for (EmbeddedServer server : servers) {
        starts.add(CompletableFuture.runAsync(() -> startOne(server, progress, started), pool));
      }
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException failure) {
      stopAll(started);
      throw failure.getCause() instanceof Exception ex ? ex : failure;
    } finally {
      pool.shutdown();
    }
    GatewayConfig resolved = config.withEndpoints(
        postgres != null ? postgres.url() : config.pg().url(),
        kafka != null ? kafka.address() : config.kafka().bootstrapServers(),
        cassandra != null ? cassandra.address() : config.cassandra().contactPoints());
    return new EmbeddedStack(resolved, postgres, kafka, cassandra, started);
  }

  private static void startOne(EmbeddedServer server, Consumer<String> progress, List<EmbeddedServer> started) {
    long t0 = System.nanoTime();
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw new CompletionException(new IllegalStateException(
          server.getClass().getSimpleName() + " failed to start: " + e.getMessage(), e));
    }
    synchronized (started) {
      started.add(server);
    }
    progress.accept(String.format(Locale.ROOT, "%s ready on %s in %.1f s",
        server.displayName(), server.address(), (System.nanoTime() - t0) / 1e9));
  }

  /** The configuration with the embedded servers' addresses filled in. */
  public GatewayConfig config() {
    return resolved;
  }

  /** The embedded broker, or null when Kafka is external. Tests stop and start it. */
  public KafkaServer kafka() {
    return kafka;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public CassandraServer cassandra() {
    return cassandra;
  }

  /**
   * From now on, a server whose process dies while the stack is not closing is started again with the
   * same settings and data dir, retrying with backoff; {@code progress} gets a line for each death,
   * failed attempt and restart. For the long-running commands ({@code dev}, {@code stack}); a supervised
   * server must not be stopped by hand (the outage tests do that on an unsupervised stack).
   */
  public synchronized EmbeddedStack superviseRestarts(Consumer<String> progress) {
    if (supervisor == null) {
      Map<String, EmbeddedServer> servers = new LinkedHashMap<>();
      synchronized (started) {
        for (EmbeddedServer s : started) {
          servers.put(s == postgres ? "postgresql" : s == kafka ? "kafka" : "cassandra", s);
        }
      }
      supervisor = new ServerSupervisor(servers, progress);
    }
    return this;
  }

  @Override
  public void close() {
    // supervision ends first, so that our own stop is never taken for a death to recover from
    ServerSupervisor watching;
    synchronized (this) {
      watching = supervisor;
      supervisor = null;
    }
    if (watching != null) {
      watching.close();
    }
    stopAll(started);
  }

  private static void stopAll(List<EmbeddedServer> servers) {
    List<EmbeddedServer> reverse;
    synchronized (servers) {
      reverse = new ArrayList<>(servers);
      servers.clear();
    }
    // stop in parallel: Cassandra's graceful stop alone takes seconds
    List<Thread> stoppers = new ArrayList<>();
    for (EmbeddedServer s : reverse) {
      Thread t = new Thread(s::stop, "stop-" + s.getClass().getSimpleName());
      t.start();
      stoppers.add(t);
    }
    for (Thread t : stoppers) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
