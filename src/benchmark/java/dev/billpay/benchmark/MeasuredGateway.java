package dev.billpay.benchmark;

import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.ChildJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Phase (c)'s subject: {@code billpay dev} (the gateway on its embedded PostgreSQL, Kafka and Cassandra)
 * as a child JVM with a data dir of its own, so that its CPU and its servers' CPU are measured apart
 * from the load generator's. SIGTERM at the end stops it and its servers.
 */
final class MeasuredGateway implements AutoCloseable {
  static final String NAME = "gateway";
  private final GatewayConfig config;
  private final Path dataDir;
  private final ChildJvm child;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private MeasuredGateway(GatewayConfig config, Path dataDir, ChildJvm child) {
    this.config = config;
    this.dataDir = dataDir;
    this.child = child;
  }

  /** Starts {@code billpay dev} with {@code environment} and waits until /health/ready answers 200. */
  static MeasuredGateway start(GatewayConfig config, Map<String, String> environment, Duration readyWithin)
      throws Exception {
    Path dataDir = config.embedded().dataDir().toAbsolutePath();
    ChildJvm child = ChildJvm.startBillpay(NAME, dataDir, Path.of("").toAbsolutePath(), environment, List.of(),
        List.of("dev"));
    MeasuredGateway gateway = new MeasuredGateway(config, dataDir, child);
    try {
      gateway.awaitReady(readyWithin);
    } catch (Exception e) {
      gateway.close();
      throw e;
    }
    return gateway;
  }

  /** The ports the gateway and its servers will listen on; a busy one means another run is in the way. */
  static List<Integer> ports(GatewayConfig config) {
    GatewayConfig.EmbeddedConfig e = config.embedded();
    return List.of(config.http().port(), e.pgPort(), e.kafkaPort(), e.kafkaControllerPort(), e.cassandraPort(),
        e.cassandraStoragePort());
  }

  static boolean inUse(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitReady(Duration within) throws Exception {
    awaitOk(URI.create(baseUrl() + "/health/ready"), within, child);
  }

  /** Polls {@code uri} until it answers 200; fails early if the child exits. */
  static void awaitOk(URI uri, Duration within, ChildJvm child) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException("the child JVM exited before it was ready; see " + child.logFile());
      }
      try {
        if (http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(uri + " did not answer 200 within " + within.toSeconds() + " s; see "
        + child.logFile());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + config.http().port();
  }

  /** A funding account and a payee of the development client, created through the API. */
  PaymentPosts.Target createFixtures() throws Exception {
    return fixturesOf(config.auth().devApiKey());
  }

  /** A funding account and a payee of the client whose API key is {@code key}, created through the API. */
  PaymentPosts.Target fixturesOf(String key) throws Exception {
    String fa = create(key, "/v1/funding-accounts", "{\"type\":\"us_bank_account\",\"holder_name\":\"Benchmark\","
        + "\"routing_number\":\"021000021\",\"account_number\":\"000123456789\",\"account_type\":\"checking\"}");
    String pe = create(key, "/v1/payees", "{\"display_name\":\"Benchmark Utility\",\"biller_id\":\"blr_benchmark\","
        + "\"account_number\":\"5500000012345678\"}");
    return new PaymentPosts.Target("127.0.0.1", config.http().port(), key, fa, pe);
  }

  /** POSTs {@code json} with {@code bearer} and answers the id of what it created. */
  String create(String bearer, String path, String json) throws Exception {
    return PaymentPosts.idOf(io.vertx.core.buffer.Buffer.buffer(post(bearer, path, json)));
  }

  /** POSTs {@code json} with {@code bearer}; the body of the 201, or an exception saying what came instead. */
  String post(String bearer, String path, String json) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  long pid() {
    return child.pid();
  }

  Path logFile() {
    return child.logFile();
  }

  /** The servers' pids from the pid files the embedded stack writes. */
  Optional<Long> postgresPid() {
    return firstLineNumber(dataDir.resolve("postgres/postmaster.pid"));
  }

  Optional<Long> kafkaPid() {
    return firstLineNumber(dataDir.resolve("kafka/kafka.pid"));
  }

  Optional<Long> cassandraPid() {
    return firstLineNumber(dataDir.resolve("cassandra/cassandra.pid"));
  }

  /** The heap, GC and JIT flags a JVM runs with, from /proc/<pid>/cmdline; "JVM defaults" if none. */
  static String jvmFlags(long pid) {
    try {
      String[] args = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0");
      List<String> flags = java.util.Arrays.stream(args)
          .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss") || a.startsWith("-XX:")).toList();
      return flags.isEmpty() ? "JVM defaults" : String.join(" ", flags);
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The flags of the gateway JVM and of its Kafka and Cassandra JVMs, one line each. */
  List<String> jvmFlags() {
    List<String> out = new java.util.ArrayList<>();
    out.add("gateway: " + jvmFlags(pid()));
    kafkaPid().ifPresent(pid -> out.add("Kafka: " + jvmFlags(pid)));
    cassandraPid().ifPresent(pid -> out.add("Cassandra: " + jvmFlags(pid)));
    return out;
  }

  private static Optional<Long> firstLineNumber(Path file) {
    try {
      return Files.readAllLines(file).stream().findFirst().map(String::strip).map(Long::parseLong);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    child.stop(120);
  }
}
