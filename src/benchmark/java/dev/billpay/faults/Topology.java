package dev.billpay.faults;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the gateway runs during the suite: its processes, its API addresses, and what the suite kills. */
interface Topology extends AutoCloseable {

  /** Starts every process and waits until each is ready. */
  void start() throws Exception;

  /** The base URLs of the API processes, e.g. {@code http://127.0.0.1:40080}. */
  List<String> apiUrls();

  /** The gateway processes (not the servers), for readiness and the report. */
  List<GatewayProcess> processes();

  /** What to kill, in order. */
  List<FaultTarget> faults();

  /** The configuration the processes run with, addresses of the servers filled in (for the checks). */
  GatewayConfig config();

  @Override
  void close();

  /** Account key and admin token of the suite's own gateway: local, throw-away data only. */
  String ACCOUNT_KEY = "ZmF1bHQtc3VpdGUtb25seS1hY2NvdW50LWtleS0zMiE=";

  /**
   * The environment every process of a run gets: the run's data dir and ports, and clearing cut-offs every
   * minute from shortly after now, in UTC, so that cut-offs fall inside the run and a killed clearing
   * process has to pick them up again.
   */
  static Map<String, String> environment(FaultSettings s) {
    Map<String, String> env = new HashMap<>();
    env.put("BILLPAY_EMBEDDED_DATA_DIR", s.dataDir().toAbsolutePath().toString());
    env.put("BILLPAY_EMBEDDED_RUNTIME_CLASSPATH_DIR", s.runtimeClasspathDir().toAbsolutePath().toString());
    env.put("BILLPAY_EMBEDDED_PG_PORT", Integer.toString(s.pgPort()));
    env.put("BILLPAY_EMBEDDED_KAFKA_PORT", Integer.toString(s.kafkaPort()));
    env.put("BILLPAY_EMBEDDED_KAFKA_CONTROLLER_PORT", Integer.toString(s.kafkaControllerPort()));
    env.put("BILLPAY_EMBEDDED_CASSANDRA_PORT", Integer.toString(s.cassandraPort()));
    env.put("BILLPAY_EMBEDDED_CASSANDRA_STORAGE_PORT", Integer.toString(s.cassandraStoragePort()));
    env.put("BILLPAY_HTTP_HOST", "127.0.0.1");
    env.put("BILLPAY_HTTP_PORT", Integer.toString(s.httpPort(0)));
    env.put("BILLPAY_SECURITY_ACCOUNT_KEY_ID", "faults");
    env.put("BILLPAY_SECURITY_ACCOUNT_KEY", ACCOUNT_KEY);
    env.put("BILLPAY_SECURITY_ADMIN_TOKEN", "fault-suite-admin-token");
    env.put("BILLPAY_WEBHOOKS_ALLOW_HTTP", "true");
    env.put("BILLPAY_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
    env.put("BILLPAY_WEBHOOKS_RETRY_SCHEDULE_SECONDS", "1,2,5,10,30,60");
    env.put("BILLPAY_CLEARING_CUTOFFS", cutoffsFromNow());
    env.put("BILLPAY_CLEARING_TIME_ZONE", "UTC");
    env.put("BILLPAY_CLEARING_POLL_INTERVAL_MS", "2000");
    env.put("BILLPAY_CLEARING_TRANSMIT_DIR", s.dataDir().resolve("outgoing-ach").toAbsolutePath().toString());
    return env;
  }

  /** Every minute for the next hour, from the next minute but one on (HH:mm, comma-separated). */
  private static String cutoffsFromNow() {
    LocalTime first = LocalTime.now(ZoneOffset.UTC).withSecond(0).withNano(0).plusMinutes(2);
    List<String> times = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      times.add(first.plusMinutes(i).format(DateTimeFormatter.ofPattern("HH:mm")));
    }
    return times.stream().distinct().collect(Collectors.joining(","));
  }

  /** The configuration of {@code env} with the embedded servers' addresses, as the processes resolve them. */
  static GatewayConfig resolved(Map<String, String> env, FaultSettings s) {
    return ConfigLoader.load(env).withEndpoints("postgresql://127.0.0.1:" + s.pgPort() + "/billpay",
        "127.0.0.1:" + s.kafkaPort(), "127.0.0.1:" + s.cassandraPort());
  }

  /** The three servers as kill targets, by the pid files the embedded stack writes under the data dir. */
  static List<FaultTarget> servers(FaultSettings s) {
    Path data = s.dataDir().toAbsolutePath();
    return List.of(
        FaultTarget.server("kafka", data.resolve("kafka/kafka.pid"), s.kafkaPort()),
        FaultTarget.server("cassandra", data.resolve("cassandra/cassandra.pid"), s.cassandraPort()),
        FaultTarget.server("postgresql", data.resolve("postgres/postmaster.pid"), s.pgPort()));
  }

  /** Where the processes run: the repository, since config and schema paths are relative to it. */
  static Path directory() {
    return Path.of("").toAbsolutePath();
  }
}
