package dev.billpay.faults;

import dev.billpay.config.GatewayConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The production layout on one machine: {@code billpay stack} runs the three servers (and starts again
 * one that dies, as a supervisor would), and each role runs as {@code billpay serve} processes of its own
 * with BILLPAY_ROLES: two api, two projector, one each of relay, webhooks, scheduler (with maintenance)
 * and clearing. The suite kills each server and one process of each role.
 */
final class ScaleOutTopology implements Topology {
  private static final List<String> ROLES = List.of("api", "api", "projector", "projector", "relay", "webhooks",
      "scheduler,maintenance", "clearing");
  private final FaultSettings settings;
  private final Map<String, String> env;
  private final GatewayProcess stack;
  private final List<GatewayProcess> processes = new ArrayList<>();

  ScaleOutTopology(FaultSettings settings) {
    this.settings = settings;
    this.env = Topology.environment(settings);
    var work = settings.dataDir().toAbsolutePath();
    this.stack = new GatewayProcess("stack", List.of("stack"), env, List.of("-Xmx256m"), work, Topology.directory(),
        "billpay stack ready", null);
    Map<String, String> serve = new HashMap<>(env);
    serve.put("BILLPAY_PG_URL", "postgresql://127.0.0.1:" + settings.pgPort() + "/billpay");
    serve.put("BILLPAY_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + settings.kafkaPort());
    serve.put("BILLPAY_CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + settings.cassandraPort());
    // the suite's clients debit accounts they just created, as under dev
    serve.put("BILLPAY_PAYMENTS_REQUIRE_VERIFIED_ACCOUNT", "false");
    Map<String, Integer> seen = new HashMap<>();
    int apis = 0;
    for (String roles : ROLES) {
      String role = roles.split(",")[0];
      int n = seen.merge(role, 1, Integer::sum);
      Map<String, String> own = new HashMap<>(serve);
      own.put("BILLPAY_ROLES", roles);
      Integer port = null;
      if (role.equals("api")) {
        port = settings.httpPort(apis++);
        own.put("BILLPAY_HTTP_PORT", Integer.toString(port));
      }
      processes.add(new GatewayProcess(role + "-" + n, List.of("serve"), own, List.of("-Xmx512m"), work,
          Topology.directory(), "billpay-gateway ready", port));
    }
  }

  @Override
  public void start() throws Exception {
    stack.start(Duration.ofMinutes(4));
    // the first api process migrates PostgreSQL, creates the topics and applies the Cassandra schema
    // alone; the others then start side by side
    processes.get(0).start(Duration.ofMinutes(3));
    List<CompletableFuture<Void>> rest = new ArrayList<>();
    for (GatewayProcess p : processes.subList(1, processes.size())) {
      rest.add(CompletableFuture.runAsync(() -> {
        try {
          p.start(Duration.ofMinutes(3));
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }));
    }
    try {
      CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  @Override
  public List<String> apiUrls() {
    return processes.stream().filter(p -> p.httpPort() != null)
        .map(p -> "http://127.0.0.1:" + p.httpPort()).toList();
  }

  @Override
  public List<GatewayProcess> processes() {
    return List.copyOf(processes);
  }

  /** Servers and roles in turn: one process of each role (the first of two), each server once. */
  @Override
  public List<FaultTarget> faults() {
    List<FaultTarget> servers = Topology.servers(settings);
    List<FaultTarget> roles = new ArrayList<>();
    for (GatewayProcess p : processes) {
      if (p.name().endsWith("-1")) {
        roles.add(FaultTarget.process(p));
      }
    }
    List<FaultTarget> order = new ArrayList<>();
    for (int i = 0; i < Math.max(servers.size(), roles.size()); i++) {
      if (i < servers.size()) {
        order.add(servers.get(i));
      }
      if (i < roles.size()) {
        order.add(roles.get(i));
      }
    }
    return order;
  }

  @Override
  public GatewayConfig config() {
    return Topology.resolved(env, settings);
  }

  @Override
  public void close() {
    processes.forEach(GatewayProcess::stop);
    stack.stop();
  }
}
