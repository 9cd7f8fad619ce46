package dev.billpay.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.http.HostileRequests.Corpus;
import dev.billpay.http.HostileRequests.HostileRequest;
import dev.billpay.testing.Api;
import dev.billpay.testing.BlockedThreadWatch;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.TestGateway;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sends the {@link HostileRequests} corpus and checks that every answer is a clean 4xx problem. Replay a
 * failing run with {@code -Dbillpay.robustness.seed=<the printed seed>}.
 */
@DisplayName("A corpus of 10,000 malformed or hostile requests gets only 4xx problem+json, and normal traffic still works")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RobustnessIT {
  private static final String BASE_URL = "http://127.0.0.1:" + SharedStack.HTTP_PORT;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int IN_FLIGHT = 32;
  private static final int SHOWN_PER_KIND = 20;
  private static final String PROBLEM_TYPES = "https://billpay-gateway.dev/problems/";
  private static TestGateway gateway;
  private static final Api api = new Api();
  private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicInteger retries = new AtomicInteger();

  /** One request and what came back: a response, or the exception that replaced it. */
  private record Outcome(HostileRequest request, int status, String contentType, String body, Throwable error) {}

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(configWithoutRateLimit());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    assertThat(BlockedThreadWatch.warnings()).as("blocked-thread warnings").isEmpty();
  }

  /**
   * The shared test configuration, but with a rate limit the corpus cannot reach: most requests carry
   * the dev key, and a 429 would hide what the gateway does with the request itself.
   */
  private static GatewayConfig configWithoutRateLimit() {
    GatewayConfig base = SharedStack.config(); // starts the embedded stack and knows its addresses
    Map<String, String> env = SharedStack.testEnvironment();
    env.put("BILLPAY_RATE_LIMIT_REQUESTS_PER_SECOND", "100000");
    env.put("BILLPAY_RATE_LIMIT_BURST", "100000");
    return ConfigLoader.load(env)
        .withEndpoints(base.pg().url(), base.kafka().bootstrapServers(), base.cassandra().contactPoints());
  }

  @Test
  @Order(1)
  @DisplayName("every malformed or hostile request is answered 4xx application/problem+json without a stack trace")
  void hostileCorpus() throws Exception {
    long seed = Long.getLong("billpay.robustness.seed", ThreadLocalRandom.current().nextLong());
    Corpus corpus = HostileRequests.generate(seed);
    System.out.printf("[robustness] seed=%d (replay with -Dbillpay.robustness.seed=%d)%n", seed, seed);
    System.out.printf("[robustness] %d requests by category %s; %d candidates refused by java.net.http and replaced%n",
        corpus.requests().size(), corpus.countsByCategory(), corpus.skipped());
    assertThat(corpus.requests()).hasSizeGreaterThanOrEqualTo(10_000);

    long t0 = System.nanoTime();
    List<Outcome> outcomes = sendAll(corpus.requests());
    System.out.printf("[robustness] sent in %.1f s, %d retried after a connection error; statuses %s%n",
        (System.nanoTime() - t0) / 1e9, retries.get(), statusCounts(outcomes));

    Map<String, List<String>> offending = new TreeMap<>();
    int offendingCount = 0;
    for (Outcome o : outcomes) {
      String reason = whatIsWrong(o);
      if (reason != null) {
        offendingCount++;
        List<String> shown = offending.computeIfAbsent(o.request().description(), k -> new ArrayList<>());
        if (shown.size() < SHOWN_PER_KIND) {
          shown.add(reason + " | " + summary(o));
        }
      }
    }
    assertThat(offendingCount).withFailMessage("%s", report(seed, offendingCount, offending, outcomes.size()))
        .isZero();
  }

  @Test
  @Order(2)
  @DisplayName("after the corpus a valid payment is still created and read back, and the gateway is live")
  void normalTrafficStillWorks() {
    Api.Response created = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(12_550));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");

    Api.Response read = api.get(Api.DEV_KEY, "/v1/payments/" + id);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().getString("id")).isEqualTo(id);

    Api.Response live = api.get(null, "/health/live");
    assertThat(live.status()).as(live.body()).isEqualTo(200);
  }

  /** At most {@link #IN_FLIGHT} requests at once, so the test measures the gateway and not a client flood. */
  private static List<Outcome> sendAll(List<HostileRequest> corpus) throws Exception {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Outcome>> pending = new ArrayList<>(corpus.size());
    for (HostileRequest r : corpus) {
      slots.acquire();
      pending.add(send(r, true).whenComplete((o, e) -> slots.release()));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(15, TimeUnit.MINUTES);
    return pending.stream().map(CompletableFuture::join).toList();
  }

  /**
   * Sends one request; an I/O error other than a timeout is retried once, because java.net.http can
   * pick a pooled connection the server is closing at that moment. A second failure is reported.
   */
  private static CompletableFuture<Outcome> send(HostileRequest r, boolean mayRetry) {
    return http.sendAsync(HostileRequests.toHttpRequest(r, BASE_URL, TIMEOUT), HttpResponse.BodyHandlers.ofString())
        .thenApply(resp -> new Outcome(r, resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null),
            resp.body(), null))
        .exceptionallyCompose(e -> {
          Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          if (mayRetry && cause instanceof IOException && !(cause instanceof HttpTimeoutException)) {
            retries.incrementAndGet();
            return send(r, false);
          }
          return CompletableFuture.completedFuture(new Outcome(r, -1, null, null, cause));
        });
  }

  /** Null when the answer is a clean 4xx problem (429 included: it is a 4xx problem too), else why not. */
  private static String whatIsWrong(Outcome o) {
    if (o.error() != null) {
      return "no response: " + o.error();
    }
    if (o.status() < 400 || o.status() > 499) {
      return "status " + o.status();
    }
    if (!"application/problem+json".equals(o.contentType())) {
      return "status " + o.status() + ", Content-Type " + o.contentType();
    }
    String type;
    try {
      type = new JsonObject(o.body()).getString("type");
    } catch (RuntimeException e) {
      return "status " + o.status() + ", body is not a JSON object with a string type";
    }
    if (type == null || !type.startsWith(PROBLEM_TYPES)) {
      return "status " + o.status() + ", problem type " + type;
    }
    if (o.body().contains("Exception") || o.body().contains("\tat ")) {
      return "status " + o.status() + ", body shows an exception or a stack trace";
    }
    return null;
  }

  private static Map<Integer, Integer> statusCounts(List<Outcome> outcomes) {
    Map<Integer, Integer> counts = new TreeMap<>();
    outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
    return counts;
  }

  private static String summary(Outcome o) {
    HostileRequest r = o.request();
    return r.method() + " " + cut(r.path(), 120) + " (" + r.body().length + " bytes) -> "
        + (o.body() == null ? "" : cut(o.body(), 300));
  }

  private static String report(long seed, int count, Map<String, List<String>> offending, int total) {
    StringBuilder out = new StringBuilder().append(count).append(" of ").append(total)
        .append(" hostile requests were not answered with a clean 4xx problem (seed ").append(seed)
        .append("; replay with -Dbillpay.robustness.seed=").append(seed).append("). First ")
        .append(SHOWN_PER_KIND).append(" per kind:");
    offending.forEach((kind, lines) -> {
      out.append("\n\n").append(kind).append(':');
      lines.forEach(line -> out.append("\n  ").append(line));
    });
    return out.toString();
  }

  private static String cut(String s, int max) {
    String oneLine = s.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + s.length() + " chars)";
  }
}
