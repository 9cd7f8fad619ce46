package dev.billpay.infra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A single Apache Cassandra node in its own JVM with a small heap and fast-start settings. */
public final class CassandraServer implements EmbeddedServer {
  private static final String HOST = "127.0.0.1";

  // Cassandra's conf/jvm17-server.options, which the cassandra-all jar does not ship
  private static final List<String> EXPORTS = List.of("java.base/jdk.internal.misc",
      "java.management.rmi/com.sun.jmx.remote.internal.rmi", "java.rmi/sun.rmi.registry", "java.rmi/sun.rmi.server",
      "java.sql/java.sql", "java.base/java.lang.ref", "jdk.unsupported/sun.misc", "jdk.compiler/com.sun.tools.javac.file",
      "jdk.attach/sun.tools.attach");
  private static final List<String> OPENS = List.of("java.base/java.lang.module", "java.base/jdk.internal.loader",
      "java.base/jdk.internal.ref", "java.base/jdk.internal.reflect", "java.base/jdk.internal.math",
      "java.base/jdk.internal.module", "java.base/jdk.internal.util.jar", "jdk.management/com.sun.management.internal",
      "java.base/sun.nio.ch", "java.base/java.io", "java.base/java.lang.reflect", "jdk.compiler/com.sun.tools.javac",
      "java.base/java.lang", "java.base/java.util");

  private final Path dir;
  private final int port;
  private final int storagePort;
  private final ServerClasspath classpath;
  private final String javaBin;
  private final ChildProcess child;

  private final JitFlags jit;

  CassandraServer(Path dataDir, int port, int storagePort, ServerClasspath classpath, String javaBin, JitFlags jit) {
    this.jit = jit;
    this.dir = dataDir.toAbsolutePath().resolve("cassandra");
    this.port = port;
    this.storagePort = storagePort;
    this.classpath = classpath;
    this.javaBin = javaBin;
    this.child = new ChildProcess("cassandra", dir);
  }

  @Override
  public String displayName() {
    return "Cassandra " + classpath.versionOf("cassandra-all-");
  }

  @Override
  public String address() {
    return HOST + ":" + port;
  }

  @Override
  public void start() throws Exception {
    Files.createDirectories(dir);
    child.stopStale();
    Path yaml = writeYaml();
    Path logback = writeLogbackConfig();
    child.start(javaBin, jvmArgs(yaml, logback), classpath.classpath(),
        "org.apache.cassandra.service.CassandraDaemon", List.of());
    Readiness.awaitPort(HOST, port, child, 180_000);
    Readiness.retry(this::query, 60_000);
  }

  @Override
  public void stop() {
    child.stop(45);
  }

  @Override
  public Optional<ProcessHandle> process() {
    return child.handle();
  }

  private String query() {
    DriverConfigLoader quiet = DriverConfigLoader.programmaticBuilder()
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .build();
    try (CqlSession session = CqlSession.builder().withConfigLoader(quiet)
        .addContactPoint(new InetSocketAddress(HOST, port)).withLocalDatacenter("datacenter1").build()) {
      return session.execute("SELECT release_version FROM system.local").one().getString(0);
    }
  }

  private Path writeYaml() throws Exception {
    Path abs = dir.toAbsolutePath();
    String yaml = String.join("\n",
        "cluster_name: billpay-embedded",
        "num_tokens: 1",
        "initial_token: 0",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"" + HOST + ":" + storagePort + "\"",
        "listen_address: " + HOST,
        "rpc_address: " + HOST,
        "storage_port: " + storagePort,
        "native_transport_port: " + port,
        "start_native_transport: true",
        "auto_bootstrap: false",
        // group, not Cassandra's default periodic: under periodic a write is acknowledged before its commit-log
        // section is synced, and a killed node replays only synced sections, so an acknowledged history row
        // could vanish behind offsets the projector had committed (the fault suite caught one). Group mode
        // acknowledges a write once it is on disk, syncing the writes of each window together.
        "commitlog_sync: group",
        "commitlog_sync_group_window: 10ms",
        "data_file_directories:",
        "  - " + abs.resolve("data"),
        "commitlog_directory: " + abs.resolve("commitlog"),
        "saved_caches_directory: " + abs.resolve("saved_caches"),
        "hints_directory: " + abs.resolve("hints"),
        "cdc_raw_directory: " + abs.resolve("cdc_raw"),
        "auto_snapshot: false",
        "snapshot_before_compaction: false",
        // the projector sends a window's rows as batches of up to 32 rows and 40 KiB (ReplicaBatches): without
        // these, every batch would log a size or partition-count warning
        "batch_size_warn_threshold: 48KiB",
        "unlogged_batch_across_partitions_warn_threshold: 64",
        "");
    Path file = dir.resolve("cassandra.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private Path writeLogbackConfig() throws Exception {
    String xml = """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="OUT"/></root>
        </configuration>
        """;
    Path file = dir.resolve("logback.xml");
    Files.writeString(file, xml);
    return file;
  }

  private List<String> jvmArgs(Path yaml, Path logback) {
    Path abs = dir.toAbsolutePath();
    List<String> args = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-Xss512k"));
    args.addAll(jit.flags());
    args.addAll(List.of(
        "-Dcassandra.config=file://" + yaml.toAbsolutePath(),
        "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
        "-Dcassandra-foreground=yes",
        "-Dcassandra.storagedir=" + abs,
        "-Dcassandra.logdir=" + abs.resolve("logs"),
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=100",
        "-Dcassandra.memtable.row_overhead_size=180",
        "-Djdk.attach.allowAttachSelf=true",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dio.netty.allocator.useCacheForAllThreads=true",
        "-Dio.netty.allocator.maxOrder=11"));
    EXPORTS.forEach(e -> args.add("--add-exports=" + e + "=ALL-UNNAMED"));
    OPENS.forEach(o -> args.add("--add-opens=" + o + "=ALL-UNNAMED"));
    return args;
  }
}
