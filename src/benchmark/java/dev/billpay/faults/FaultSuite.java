package dev.billpay.faults;

import dev.billpay.benchmark.ScratchDir;
import dev.billpay.clients.ApiKeys;
import dev.billpay.clients.ClientRepository;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fault-injection suite: load from well-behaved clients while SIGKILL hits each server and each
 * gateway process in turn (each started again as it was launched), then the checks of {@link Verification},
 * the replays, and a report of what clients and readiness probes saw during each fault.
 */
final class FaultSuite {
  private static final Duration RECOVERY = Duration.ofMinutes(5);
  private final FaultSettings settings;
  private final Consumer<String> progress;

  /** The report written and every check, held or not. */
  record Result(Path report, List<Verification.Check> checks, java.util.Map<String, Long> figures) {
    boolean passed() {
      return checks.stream().allMatch(Verification.Check::held);
    }

    List<Verification.Check> failed() {
      return checks.stream().filter(c -> !c.held()).toList();
    }
  }

  FaultSuite(FaultSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  Result run() throws Exception {
    ScratchDir.wipe(settings.dataDir(), ".billpay-faults", "fault suite");
    Instant began = Instant.now();
    try (Topology topology = settings.mode().equals(FaultSettings.DEV) ? new DevTopology(settings)
        : new ScaleOutTopology(settings)) {
      progress.accept("starting the " + settings.mode() + " layout under " + settings.dataDir().toAbsolutePath());
      topology.start();
      progress.accept("ready in " + Duration.between(began, Instant.now()).toSeconds() + " s: "
          + String.join(", ", topology.processes().stream().map(GatewayProcess::name).toList()));
      GatewayConfig config = topology.config();
      String clientId = "cli_faults_" + UUID.randomUUID().toString().substring(0, 8);
      String apiKey = createClient(config, clientId);
      String[] fixtures = createFixtures(topology.apiUrls().get(0), apiKey);
      WebhookSink webhooks = new WebhookSink(settings.webhookPort());
      webhooks.secret(new JsonObject(post(topology.apiUrls().get(0), apiKey, "/v1/webhook-endpoints",
          new JsonObject().put("url", webhooks.url()).put("event_types", new io.vertx.core.json.JsonArray().add("*"))
              .encode())).getString("secret"));
      RetryingClients clients = new RetryingClients(topology.apiUrls(), apiKey, fixtures[0], fixtures[1],
          "faults-" + UUID.randomUUID().toString().substring(0, 8), settings.rate(), settings.clients());
      ReadinessWatch readiness = new ReadinessWatch(topology.processes().stream()
          .filter(p -> p.httpPort() != null).toList());
      Instant loadStart = Instant.now();
      readiness.start();
      clients.start();
      List<FaultTarget.Outcome> outcomes = injectFaults(topology.faults().stream()
          .filter(f -> settings.kills(f.name())).toList());
      Thread.sleep(settings.settle().toMillis());
      clients.stopOffering();
      progress.accept("load stopped; waiting for the clients' last retries");
      clients.awaitSettled();
      Instant loadEnd = Instant.now();
      readiness.close();
      progress.accept(clients.payments().size() + " payments sent; checking PostgreSQL, Kafka and Cassandra");
      Verification verification = new Verification(config, clientId, clients.payments());
      verification.run(loadStart, topology.processes(), webhooks);
      webhooks.close();
      List<Verification.Check> checks = new ArrayList<>(verification.checks());
      List<RetryingClients.Payment> acked = clients.payments().stream()
          .filter(RetryingClients.Payment::acknowledged).toList();
      List<String> differing = new Replays(topology.apiUrls(), apiKey).differing(acked);
      checks.add(new Verification.Check("every replay of a key (same body) was answered as the first time",
          differing.isEmpty(), acked.size() + " replayed, " + differing.size() + " answered differently"
              + (differing.isEmpty() ? "" : " (e.g. " + String.join("; ", differing.subList(0,
                  Math.min(3, differing.size()))) + ")")));
      checks.addAll(faultChecks(outcomes, clients.attempts()));
      Path report = new FaultReport(settings, began, loadStart, loadEnd, outcomes, clients, readiness.gaps(),
          topology.processes(), verification.figures(), checks).write();
      return new Result(report, checks, verification.figures());
    }
  }

  private List<FaultTarget.Outcome> injectFaults(List<FaultTarget> faults) throws InterruptedException {
    List<FaultTarget.Outcome> outcomes = new ArrayList<>();
    for (FaultTarget target : faults) {
      Thread.sleep(settings.settle().toMillis());
      Instant killedAt = Instant.now();
      progress.accept("kill -9 " + target.name());
      try {
        target.kill();
        target.awaitRecovered(RECOVERY);
        Instant back = Instant.now();
        outcomes.add(new FaultTarget.Outcome(target.name(), killedAt, back, target.firstTry(), null));
        progress.accept(String.format(java.util.Locale.ROOT, "  %s serves again after %.1f s%s", target.name(),
            Duration.between(killedAt, back).toMillis() / 1000.0, target.firstTry() ? "" : " (not on the first try)"));
      } catch (Exception e) {
        outcomes.add(new FaultTarget.Outcome(target.name(), killedAt, null, false, e.getMessage()));
        progress.accept("  " + target.name() + " did not recover: " + e.getMessage());
      }
    }
    return outcomes;
  }

  private static List<Verification.Check> faultChecks(List<FaultTarget.Outcome> outcomes,
      List<RetryingClients.Attempt> attempts) {
    List<String> unrecovered = outcomes.stream().filter(o -> o.recoveredAt() == null)
        .map(o -> o.target() + ": " + o.failure()).toList();
    List<String> retried = outcomes.stream().filter(o -> o.recoveredAt() != null && !o.firstTry())
        .map(FaultTarget.Outcome::target).toList();
    long errors = attempts.stream().filter(a -> a.outcome().startsWith("500")).count();
    return List.of(
        new Verification.Check("every killed server and process served again", unrecovered.isEmpty(),
            outcomes.size() + " faults, " + unrecovered.size() + " not recovered " + unrecovered),
        new Verification.Check("every gateway process started again on its first attempt", retried.isEmpty(),
            retried.isEmpty() ? "all did" : "needed more than one: " + retried),
        new Verification.Check("no client was answered 500 (an outage answers 503 problem+json)", errors == 0,
            errors + " answers 500"));
  }

  /** The suite's own client and API key, written as the admin command would. */
  private static String createClient(GatewayConfig config, String clientId) throws Exception {
    String key = ApiKeys.generate("test");
    Vertx vertx = Vertx.vertx();
    try {
      var pool = PgPools.shared(vertx, config.pg());
      new ClientRepository(pool).ensureClientWithKey(clientId, "Fault suite", "key_" + clientId, key)
          .eventually(pool::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    return key;
  }

  /** A funding account and a payee of the suite's client, through the API. */
  private static String[] createFixtures(String baseUrl, String apiKey) throws Exception {
    return new String[] {
        create(baseUrl, apiKey, "/v1/funding-accounts", "{\"type\":\"us_bank_account\",\"holder_name\":\"Fault Suite\","
            + "\"routing_number\":\"021000021\",\"account_number\":\"000123456789\",\"account_type\":\"checking\"}"),
        create(baseUrl, apiKey, "/v1/payees", "{\"display_name\":\"Fault Suite Utility\",\"biller_id\":\"blr_faults\","
            + "\"account_number\":\"5500000012345678\"}")};
  }

  private static String create(String baseUrl, String apiKey, String path, String json) throws Exception {
    return new JsonObject(post(baseUrl, apiKey, path, json)).getString("id");
  }

  /** A create through the API; answers the body of its 201. */
  private static String post(String baseUrl, String apiKey, String path, String json) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString()).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
