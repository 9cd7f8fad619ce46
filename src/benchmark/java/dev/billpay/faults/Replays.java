package dev.billpay.faults;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends every acknowledged payment's request once more, same key, same body, after the faults: each must
 * be answered as the first time (same status, same payment id), whichever API process answers it.
 */
final class Replays {
  private final List<String> baseUrls;
  private final String apiKey;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  Replays(List<String> baseUrls, String apiKey) {
    this.baseUrls = List.copyOf(baseUrls);
    this.apiKey = apiKey;
  }

  /** The keys whose replay was answered differently, with what it said. */
  List<String> differing(List<RetryingClients.Payment> acked) throws InterruptedException {
    ConcurrentLinkedQueue<String> differing = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < acked.size(); i++) {
      RetryingClients.Payment p = acked.get(i);
      String url = baseUrls.get(i % baseUrls.size());
      pool.execute(() -> {
        String answer = replay(p, url);
        if (answer != null) {
          differing.add(p.key + ": " + answer);
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    return List.copyOf(differing);
  }

  /** Null when answered alike; else what was answered. */
  private String replay(RetryingClients.Payment p, String baseUrl) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payments"))
          .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + apiKey)
          .header("Content-Type", "application/json").header("Idempotency-Key", p.key)
          .POST(HttpRequest.BodyPublishers.ofString(p.body)).build(), HttpResponse.BodyHandlers.ofString());
      String id = r.statusCode() / 100 == 2 ? new JsonObject(r.body()).getString("id") : null;
      return r.statusCode() == p.ackStatus && p.ackId.equals(id) ? null
          : r.statusCode() + " " + (id != null ? id + " instead of " + p.ackId : RetryingClients.problemSlug(r.body()));
    } catch (Exception e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    }
  }
}
