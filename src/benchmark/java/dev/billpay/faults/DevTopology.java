package dev.billpay.faults;

import dev.billpay.config.GatewayConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator's layout: one {@code billpay dev}, which starts PostgreSQL, Kafka and Cassandra as its own
 * children and starts again any of them that dies; killing the gateway takes its servers with it, and
 * the next {@code billpay dev} must start on its first attempt.
 */
final class DevTopology implements Topology {
  private final FaultSettings settings;
  private final Map<String, String> env;
  private final GatewayProcess gateway;

  DevTopology(FaultSettings settings) {
    this.settings = settings;
    this.env = Topology.environment(settings);
    this.gateway = new GatewayProcess("gateway", List.of("dev"), env, List.of("-Xmx1g"),
        settings.dataDir().toAbsolutePath(), Topology.directory(), "billpay-gateway ready", settings.httpPort(0));
  }

  @Override
  public void start() throws Exception {
    gateway.start(Duration.ofMinutes(4));
  }

  @Override
  public List<String> apiUrls() {
    return List.of("http://127.0.0.1:" + settings.httpPort(0));
  }

  @Override
  public List<GatewayProcess> processes() {
    return List.of(gateway);
  }

  @Override
  public List<FaultTarget> faults() {
    List<FaultTarget> faults = new ArrayList<>(Topology.servers(settings));
    faults.add(FaultTarget.process(gateway));
    return faults;
  }

  @Override
  public GatewayConfig config() {
    return Topology.resolved(env, settings);
  }

  @Override
  public void close() {
    gateway.stop();
  }
}
