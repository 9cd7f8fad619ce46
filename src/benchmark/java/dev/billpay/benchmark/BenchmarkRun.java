package dev.billpay.benchmark;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.billpay.benchmark.BenchmarkResults.GatewayLag;
import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import dev.billpay.clients.DevClient;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSessions;
import dev.billpay.db.PgPools;
import dev.billpay.infra.ChildJvm;
import dev.billpay.infra.HostCommands;
import dev.billpay.infra.PostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark run: starts the gateway (with its embedded servers) and the in-memory endpoint as
 * child JVMs, measures the peaks of (b), (a) and (c), then all three at the same offered load, reads
 * the gateway's pipeline lags, writes the report, and stops every child, also on failure.
 */
final class BenchmarkRun {
  static final String ENDPOINT_NAME = "in-memory-endpoint";
  private final BenchmarkSettings settings;
  private final PrintStream out;
  private final Instant startedAt = Instant.now();
  private final String runId = "bench-" + BenchmarkReport.FILE_STAMP.format(startedAt);
  private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
  private final List<PhaseResult> phases = new ArrayList<>();
  private final Map<Model, long[]> gatewayWindows = new EnumMap<>(Model.class);
  private final Map<Model, List<String>> gatewaySamples = new EnumMap<>(Model.class);
  private List<String> jvmFlags = List.of();
  private MachineDescription machine;
  private RunEnvironment env;
  private MeasuredGateway gateway;
  private WebhookSink sink;
  private BenchmarkResults.Profile profile;

  BenchmarkRun(BenchmarkSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  Path execute() throws Exception {
    env = new RunEnvironment(settings, System.getenv());
    env.prepareDataDir(settings.endpointPort());
    GatewayConfig config = resolved(env.config());
    machine = MachineDescription.ofThisMachine(settings.dataDir());
    try {
      return measureAll(env, config);
    } finally {
      closeAll();
    }
  }

  /** What the phases drive and measure, once everything runs. */
  private record Subjects(Pool pool, PipelineDrain drain, RawPostgresCeiling raw, PaymentPosts toEndpoint,
      PaymentPosts toGateway, PhaseRunner runner, String durability) {}

  private Path measureAll(RunEnvironment env, GatewayConfig config) throws Exception {
    Subjects s = start(env, config);
    PhaseRunner.Drain drained = () -> s.drain().await(settings.drainTimeoutSeconds());
    print(s.runner().closed(Subject.IN_MEMORY, s.toEndpoint(), window(), null));
    checkpoint(s.pool());
    print(s.runner().closed(Subject.RAW_POSTGRES, s.raw(), window(), null));
    await(s.raw().notifyTrigger(false));
    checkpoint(s.pool());
    print(s.runner().closed(Subject.RAW_POSTGRES_NO_NOTIFY, s.raw(), window(), null));
    await(s.raw().notifyTrigger(true));
    settle(s);
    print(gatewayPhase(Model.CLOSED, s.toGateway(),
        w -> s.runner().closed(Subject.GATEWAY, s.toGateway(), w, drained)));
    double rate = settings.rateIsAutomatic()
        ? Math.max(1, results(env, s.durability(), 0).peak(Subject.GATEWAY) / 2) : settings.rate();
    out.printf(java.util.Locale.ROOT, "offered load of the open-model phases: %.1f/s%n", rate);
    print(s.runner().open(Subject.IN_MEMORY, s.toEndpoint(), rate, window(), null));
    checkpoint(s.pool());
    print(s.runner().open(Subject.RAW_POSTGRES, s.raw(), rate, window(), null));
    settle(s);
    print(gatewayPhase(Model.OPEN, s.toGateway(),
        w -> profiled(w, () -> s.runner().open(Subject.GATEWAY, s.toGateway(), rate, w, drained))));
    List<GatewayLag> lags = probeLags(config, s.pool());
    SoakRun.Result soak = soak(s, rate);
    BenchmarkResults results = results(env, s.durability(), rate).withLags(lags).withExtras(new BenchmarkResults.Extras(
        soak, profile, settings.options().webhookClients(), sink == null ? 0 : sink.received()));
    out.print(BenchmarkReport.consoleSummary(results));
    return write(results);
  }

  /** With --profile, the gateway's CPU profile over the phase's measured window. */
  private PhaseResult profiled(LoadGenerator.Window w, java.util.concurrent.Callable<PhaseResult> phase)
      throws Exception {
    if (!settings.options().profile()) {
      return phase.call();
    }
    Path flame = settings.resultsDir().toAbsolutePath().resolve(reportName().replace(".md", "-flame.html"));
    Files.createDirectories(flame.getParent());
    var done = GatewayProfiler.of(settings.options().profilerJar(),
        settings.dataDir().toAbsolutePath().resolveSibling("benchmark-profiler"), gateway.pid()).during(w, flame);
    PhaseResult result = phase.call();
    profile = done.get(60, TimeUnit.SECONDS);
    out.println(profile.problem() == null ? "profile (" + profile.event() + "): " + flame
        : "warning: no profile: " + profile.problem());
    return result;
  }

  /** With --soak-minutes, the soak at the open-model rate, on an empty pipeline. */
  private SoakRun.Result soak(Subjects s, double rate) throws Exception {
    int minutes = settings.options().soakMinutes();
    if (minutes == 0) {
      return null;
    }
    settle(s);
    out.printf(java.util.Locale.ROOT, "soak: %d minute(s) at %.1f/s ...%n", minutes, rate);
    return SoakRun.run(s.runner(), s.toGateway(), rate, minutes, s.drain(), gateway.pid(), out);
  }

  /** Starts the gateway and the endpoint, and the load generator's clients of all three subjects. */
  private Subjects start(RunEnvironment env, GatewayConfig config) throws Exception {
    out.println("starting the gateway and its embedded servers under " + settings.dataDir() + " ...");
    gateway = MeasuredGateway.start(env.config(), env.childEnvironment(),
        Duration.ofSeconds(settings.readyTimeoutSeconds()));
    cleanup.push(gateway);
    out.println("gateway ready (pid " + gateway.pid() + ", log " + gateway.logFile() + ")");
    PaymentPosts.Target target = gateway.createFixtures();
    jvmFlags = gateway.jvmFlags();
    ChildJvm endpoint = startEndpoint(config);
    jvmFlags = new ArrayList<>(jvmFlags);
    jvmFlags.add(ProcessCpu.ENDPOINT + ": " + MeasuredGateway.jvmFlags(endpoint.pid()));
    jvmFlags.add(ProcessCpu.LOAD_GENERATOR + ": " + MeasuredGateway.jvmFlags(ProcessHandle.current().pid()));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    cleanup.push(() -> vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(config.pg().poolSize()).setName("billpay-benchmark")
        .setMaxWaitQueueSize(-1)).connectingTo(PgPools.connectOptions(config.pg())).using(vertx).build();
    PipelineDrain drain = new PipelineDrain(pool, config.kafka().bootstrapServers(),
        config.kafka().paymentEventsTopic(), config.projector().groupId(), config.webhooks().groupId());
    cleanup.push(drain);
    RawPostgresCeiling raw = new RawPostgresCeiling(pool, DevClient.CLIENT_ID, runId);
    await(raw.createTables());
    cleanup.push(() -> await(raw.dropTables()));
    PaymentPosts toEndpoint = new PaymentPosts(vertx, new PaymentPosts.Target("127.0.0.1", settings.endpointPort(),
        target.apiKey(), target.fundingAccountId(), target.payeeId()), settings.connections(), runId + "-b");
    PaymentPosts toGateway = new PaymentPosts(vertx, gatewayTargets(target), settings.connections(), runId + "-c");
    PhaseRunner runner = new PhaseRunner(new LoadGenerator(vertx), watched(gateway, endpoint), gateway.pid(),
        clockTicks(), settings.connections());
    return new Subjects(pool, drain, raw, toEndpoint, toGateway, runner, await(RawPostgresCeiling.durability(pool)));
  }

  /** The dev client alone, or with --webhooks the clients whose endpoints the receiver answers. */
  private List<PaymentPosts.Target> gatewayTargets(PaymentPosts.Target devClient) throws Exception {
    BenchmarkSettings.Options o = settings.options();
    if (!o.webhooks()) {
      return List.of(devClient);
    }
    sink = WebhookSink.start(o.receiverPort());
    cleanup.push(sink);
    out.println("webhooks: " + o.webhookClients() + " clients, one endpoint each, on " + sink.url(0));
    return WebhookClients.create(gateway, env.adminToken(), o.webhookClients(), sink);
  }

  /** A gateway phase also samples payment ids in its window for the Cassandra lag. */
  private PhaseResult gatewayPhase(Model model, PaymentPosts posts, PhaseCall call) throws Exception {
    LoadGenerator.Window w = window();
    posts.sampleIn(w, settings.lagSample());
    long offset = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    gatewayWindows.put(model, new long[] {offset + TimeUnit.NANOSECONDS.toMillis(w.from()),
        offset + TimeUnit.NANOSECONDS.toMillis(w.to())});
    PhaseResult result = call.run(w);
    gatewaySamples.put(model, posts.sample());
    return result;
  }

  private interface PhaseCall {
    PhaseResult run(LoadGenerator.Window window) throws Exception;
  }

  private LoadGenerator.Window window() {
    return LoadGenerator.Window.startingIn(200, settings.warmupSeconds(), settings.durationSeconds());
  }

  private void print(PhaseResult p) {
    phases.add(p);
    PhaseOutcome o = p.outcome();
    out.printf(java.util.Locale.ROOT, "%s: %s %s/s, p50 %s, p99 %s, %d errors%n", p.title(),
        Markdown.rate(o.throughput()), p.subject().unit, Markdown.millis(o.latency().p50()),
        Markdown.millis(o.latency().p99()), o.allErrors());
  }

  private ChildJvm startEndpoint(GatewayConfig config) throws Exception {
    ChildJvm endpoint = ChildJvm.start(BenchmarkMain.class.getName(), ENDPOINT_NAME, config.embedded().dataDir(),
        Path.of("").toAbsolutePath(), Map.of(), List.of(),
        List.of(ENDPOINT_NAME, "--port", Integer.toString(settings.endpointPort())));
    cleanup.push(() -> endpoint.stop(30));
    MeasuredGateway.awaitOk(URI.create("http://127.0.0.1:" + settings.endpointPort() + "/health/ready"),
        Duration.ofSeconds(60), endpoint);
    return endpoint;
  }

  private List<ProcessCpu.Watched> watched(MeasuredGateway gateway, ChildJvm endpoint) {
    List<ProcessCpu.Watched> w = new ArrayList<>();
    w.add(new ProcessCpu.Watched(ProcessCpu.GATEWAY, gateway.pid(), false));
    gateway.postgresPid().ifPresent(pid -> w.add(new ProcessCpu.Watched(ProcessCpu.POSTGRES, pid, true)));
    gateway.kafkaPid().ifPresent(pid -> w.add(new ProcessCpu.Watched(ProcessCpu.KAFKA, pid, false)));
    gateway.cassandraPid().ifPresent(pid -> w.add(new ProcessCpu.Watched(ProcessCpu.CASSANDRA, pid, false)));
    w.add(new ProcessCpu.Watched(ProcessCpu.ENDPOINT, endpoint.pid(), false));
    w.add(new ProcessCpu.Watched(ProcessCpu.LOAD_GENERATOR, ProcessHandle.current().pid(), false));
    return w;
  }

  /** Phases start from the same state: a fresh checkpoint and, for the gateway, an empty pipeline. */
  private void settle(Subjects s) throws Exception {
    if (s.drain().await(settings.drainTimeoutSeconds()) < 0) {
      out.println("warning: the gateway's pipeline was not empty after " + settings.drainTimeoutSeconds() + " s");
    }
    checkpoint(s.pool());
  }

  private static void checkpoint(Pool pool) throws Exception {
    await(pool.query("CHECKPOINT").execute());
  }

  private List<GatewayLag> probeLags(GatewayConfig config, Pool pool) throws Exception {
    out.println("reading accept->Kafka and accept->Cassandra lags ...");
    List<LagProbe.KafkaLag> kafka = LagProbe.kafka(config.kafka().bootstrapServers(),
        config.kafka().paymentEventsTopic());
    Map<String, LagProbe.CassandraLag> cassandra;
    Map<String, List<String>> samples = new java.util.LinkedHashMap<>();
    gatewaySamples.forEach((model, ids) -> samples.put(model.name(), ids));
    try (CqlSession session = CassandraSessions.open(config.cassandra())) {
      cassandra = LagProbe.cassandra(session, config.cassandra().keyspace(), samples, Duration.ofSeconds(60));
    }
    List<GatewayLag> lags = new ArrayList<>();
    for (Model model : List.of(Model.OPEN, Model.CLOSED)) {
      long[] w = gatewayWindows.get(model);
      LagProbe.CassandraLag c = cassandra.get(model.name());
      if (w != null && c != null) {
        lags.add(new GatewayLag(model, LatencySummary.exact(LagProbe.within(kafka, w[0], w[1])),
            LatencySummary.exact(c.lagMillis()), c.lagMillis().length + c.missing(), c.missing(),
            settings.options().webhooks() ? WebhookLagProbe.within(pool, w[0], w[1]) : null));
      }
    }
    return lags;
  }

  private BenchmarkResults results(RunEnvironment env, String durability, double rate) {
    GatewayConfig c = env.config();
    int verticles = c.http().instances() > 0 ? c.http().instances() : Runtime.getRuntime().availableProcessors();
    return new BenchmarkResults(startedAt, machine, settings,
        new BenchmarkResults.GatewaySetup(verticles, c.pg().poolSize(), durability, env.overrides(), jvmFlags), rate,
        List.copyOf(phases), List.of(), List.of(), commandLine(), null);
  }

  private String commandLine() {
    return "load-tests/benchmark.sh --duration " + settings.durationSeconds() + " --warmup " + settings.warmupSeconds()
        + " --connections " + settings.connections()
        + (settings.rateIsAutomatic() ? "" : " --rate " + settings.rate()) + " --lag-sample " + settings.lagSample()
        + settings.options().commandLine();
  }

  private String reportName() {
    return "benchmark-" + BenchmarkReport.FILE_STAMP.format(startedAt) + ".md";
  }

  private Path write(BenchmarkResults results) throws Exception {
    Files.createDirectories(settings.resultsDir());
    Path file = settings.resultsDir().resolve(reportName());
    Files.writeString(file, BenchmarkReport.markdown(results));
    return file;
  }

  /** The embedded servers' addresses, as the gateway child will resolve them. */
  private static GatewayConfig resolved(GatewayConfig c) {
    GatewayConfig.EmbeddedConfig e = c.embedded();
    return c.withEndpoints("postgresql://127.0.0.1:" + e.pgPort() + "/" + PostgresServer.DATABASE,
        "127.0.0.1:" + e.kafkaPort(), "127.0.0.1:" + e.cassandraPort());
  }

  private static long clockTicks() {
    return HostCommands.firstLine(List.of("getconf", "CLK_TCK")).map(Long::parseLong).orElse(100L);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private void closeAll() {
    while (!cleanup.isEmpty()) {
      try {
        cleanup.pop().close();
      } catch (Exception e) {
        out.println("warning: while stopping: " + e);
      }
    }
  }
}
