package dev.billpay.benchmark;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway child's environment and configuration, and a clean data dir for it. The benchmark
 * always runs the embedded stack in a data dir of its own, and lifts the per-client rate limit and
 * daily limit (unless the environment sets them) so that it measures the gateway, not its quotas.
 */
final class RunEnvironment {
  private static final String MARKER = ".billpay-benchmark";
  private final Map<String, String> child = new LinkedHashMap<>();
  private final List<String> overrides = new ArrayList<>();
  private final GatewayConfig config;
  // the admin API creates the clients of --webhooks; a token of this run only, never a published one
  private final String adminToken = java.util.UUID.randomUUID().toString();

  RunEnvironment(BenchmarkSettings settings, Map<String, String> inherited) {
    Path data = settings.dataDir().toAbsolutePath();
    set("BILLPAY_EMBEDDED_DATA_DIR", data.toString(), "embedded data dir " + settings.dataDir());
    set("BILLPAY_CLEARING_TRANSMIT_DIR", data.resolve("outgoing-ach").toString(), null);
    // an address in the environment would make the child use an external server we cannot measure
    for (String external : List.of("BILLPAY_PG_URL", "BILLPAY_KAFKA_BOOTSTRAP_SERVERS",
        "BILLPAY_CASSANDRA_CONTACT_POINTS")) {
      child.put(external, "");
    }
    child.put("BILLPAY_SECURITY_ADMIN_TOKEN", adminToken);
    setUnlessGiven(inherited, "BILLPAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000",
        "per-client rate limit 1,000,000 requests/s (burst 1,000,000; default 500)");
    setUnlessGiven(inherited, "BILLPAY_RATE_LIMIT_BURST", "1000000", null);
    setUnlessGiven(inherited, "BILLPAY_PAYMENTS_DAILY_LIMIT_MINOR", "1000000000000000",
        "daily limit 10^15 minor units (default 10^9)");
    Map<String, String> merged = new HashMap<>(inherited);
    merged.putAll(child);
    this.config = ConfigLoader.load(merged);
  }

  private void set(String name, String value, String description) {
    child.put(name, value);
    if (description != null) {
      overrides.add(description);
    }
  }

  private void setUnlessGiven(Map<String, String> inherited, String name, String value, String description) {
    if (inherited.containsKey(name)) {
      overrides.add(name + "=" + inherited.get(name) + " (from the environment)");
    } else {
      set(name, value, description);
    }
  }

  Map<String, String> childEnvironment() {
    return Map.copyOf(child);
  }

  String adminToken() {
    return adminToken;
  }

  List<String> overrides() {
    return List.copyOf(overrides);
  }

  /** The configuration the child will run with (embedded addresses still empty). */
  GatewayConfig config() {
    return config;
  }

  /**
   * Stops children a killed earlier run left behind, checks that every port is free, and empties the
   * data dir: but only one this benchmark made (it holds our marker) or an empty one.
   */
  void prepareDataDir(int endpointPort) throws IOException {
    Path data = config.embedded().dataDir().toAbsolutePath();
    ChildJvm.stopStale(MeasuredGateway.NAME, data);
    ChildJvm.stopStale(BenchmarkRun.ENDPOINT_NAME, data);
    List<Integer> ports = new ArrayList<>(MeasuredGateway.ports(config));
    ports.add(endpointPort);
    for (int port : ports) {
      if (MeasuredGateway.inUse(port)) {
        throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (a `billpay dev` or another"
            + " benchmark?): stop it, or move the benchmark with BILLPAY_HTTP_PORT, BILLPAY_EMBEDDED_*_PORT and"
            + " --endpoint-port");
      }
    }
    ScratchDir.wipe(data, MARKER, "benchmark");
  }
}
