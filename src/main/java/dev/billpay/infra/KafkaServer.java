package dev.billpay.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A single-node KRaft Kafka broker (broker + controller) in its own JVM. */
public final class KafkaServer implements EmbeddedServer {
  private static final String HOST = "127.0.0.1";

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final ServerClasspath classpath;
  private final String javaBin;
  private final ChildProcess child;

  private final JitFlags jit;

  KafkaServer(Path dataDir, int port, int controllerPort, ServerClasspath classpath, String javaBin, JitFlags jit) {
    this.jit = jit;
    this.dir = dataDir.toAbsolutePath().resolve("kafka");
    this.port = port;
    this.controllerPort = controllerPort;
    this.classpath = classpath;
    this.javaBin = javaBin;
    this.child = new ChildProcess("kafka", dir);
  }

  @Override
  public String displayName() {
    return "Kafka " + classpath.versionOf("kafka_2.13-");
  }

  @Override
  public String address() {
    return HOST + ":" + port;
  }

  @Override
  public void start() throws Exception {
    Files.createDirectories(dir);
    child.stopStale();
    Path properties = writeProperties();
    if (!Files.exists(dir.resolve("data/meta.properties"))) {
      format(properties);
    }
    child.start(javaBin, jvmArgs(jit), classpath.classpath(), "kafka.Kafka", List.of(properties.toString()));
    Readiness.awaitPort(HOST, port, child, 120_000);
    Readiness.retry(this::describeCluster, 60_000);
  }

  /** Stops the broker; {@link #start()} brings it back with its data (used by outage tests). */
  @Override
  public void stop() {
    child.stop(30);
  }

  @Override
  public Optional<ProcessHandle> process() {
    return child.handle();
  }

  private Void describeCluster() throws Exception {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
      admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
      return null;
    }
  }

  private void format(Path properties) throws Exception {
    String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(16));
    int exit = ChildProcess.runToCompletion(javaBin, jvmArgs(jit), classpath.classpath(), "kafka.tools.StorageTool",
        // "--cluster-id=" form: a random id starting with '-' would otherwise be read as an option
        List.of("format", "--cluster-id=" + clusterId, "-c", properties.toString()), dir, child.logFile());
    if (exit != 0) {
      throw new IllegalStateException("Kafka storage format failed (exit " + exit + "); see " + child.logFile());
    }
  }

  private Path writeProperties() throws Exception {
    String props = String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
        "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
        "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + dir.resolve("data").toAbsolutePath(),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=5",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false",
        "");
    Path file = dir.resolve("server.properties");
    Files.writeString(file, props);
    return file;
  }

  private static List<String> jvmArgs(JitFlags jit) {
    List<String> args = new java.util.ArrayList<>(List.of("-Xms128m", "-Xmx512m"));
    args.addAll(jit.flags());
    args.addAll(List.of("-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    return args;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
