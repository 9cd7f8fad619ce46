package dev.billpay.faults;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Well-behaved clients, as the gateway's documentation asks clients to be: every payment has its own
 * Idempotency-Key, and a request that failed in a way worth retrying (no answer, 409 key in flight,
 * 429, 5xx) is sent again with the same key and the same body, after a growing, jittered pause, to the
 * next API process, until it is answered 2xx. Payments are offered at a fixed rate; every attempt's
 * outcome is kept for the report.
 */
final class RetryingClients {
  /** How long one payment is retried before the client gives up on it (the report counts give-ups). */
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
  private final List<String> baseUrls;
  private final String apiKey;
  private final String bodyStart;
  private final String runId;
  private final double rate;
  private final int clients;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicLong next = new AtomicLong();
  private final AtomicBoolean offering = new AtomicBoolean(true);
  private final ConcurrentLinkedQueue<Payment> payments = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private long startNanos;

  /** One payment a client sent, and how it ended. */
  static final class Payment {
    final String key;
    final String body;
    final long amount;
    volatile String ackId;
    volatile int ackStatus;
    volatile int tries;
    volatile boolean gaveUp;

    Payment(String key, String body, long amount) {
      this.key = key;
      this.body = body;
      this.amount = amount;
    }

    boolean acknowledged() {
      return ackId != null;
    }
  }

  /** One request and what the client saw. */
  record Attempt(Instant at, String outcome) {}

  RetryingClients(List<String> baseUrls, String apiKey, String fundingAccountId, String payeeId, String runId,
      double rate, int clients) {
    this.baseUrls = List.copyOf(baseUrls);
    this.apiKey = apiKey;
    this.bodyStart = "{\"funding_account_id\":\"" + fundingAccountId + "\",\"payee_id\":\"" + payeeId
        + "\",\"amount\":";
    this.runId = runId;
    this.rate = rate;
    this.clients = clients;
  }

  void start() {
    startNanos = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(this::offerLoop, "fault-client-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  /** No new payments from now on; the ones in flight go on being retried until answered. */
  void stopOffering() {
    offering.set(false);
  }

  /** Waits until every client has its last payment answered (or given up). */
  void awaitSettled() throws InterruptedException {
    for (Thread t : threads) {
      t.join(GIVE_UP_AFTER.toMillis() + 60_000);
    }
  }

  List<Payment> payments() {
    return List.copyOf(payments);
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  private void offerLoop() {
    while (offering.get()) {
      long n = next.getAndIncrement();
      long due = startNanos + (long) (n * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        sleep(wait / 1_000_000);
      }
      if (!offering.get()) {
        return;
      }
      String key = runId + "-" + n;
      long amount = 100 + (n * 7919) % 9900;
      Payment payment = new Payment(key, bodyStart + amount + ",\"currency\":\"USD\",\"reference\":\"" + key + "\"}",
          amount);
      payments.add(payment);
      sendUntilAnswered(payment, (int) (n % baseUrls.size()));
    }
  }

  private void sendUntilAnswered(Payment payment, int firstUrl) {
    long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    long pauseMs = 100;
    for (int attempt = 0; System.nanoTime() < giveUpAt; attempt++) {
      payment.tries = attempt + 1;
      String url = baseUrls.get((firstUrl + attempt) % baseUrls.size());
      Optional<Long> retryAfter = send(payment, url);
      if (payment.acknowledged() || payment.gaveUp) {
        return;
      }
      long jittered = pauseMs / 2 + ThreadLocalRandom.current().nextLong(pauseMs / 2 + 1);
      sleep(retryAfter.map(s -> s * 1000).orElse(jittered));
      pauseMs = Math.min(pauseMs * 2, 2_000);
    }
    payment.gaveUp = true;
  }

  /** One attempt; answers the server's Retry-After, if it sent one. */
  private Optional<Long> send(Payment payment, String baseUrl) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payments"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", payment.key)
        .POST(HttpRequest.BodyPublishers.ofString(payment.body)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 == 2) {
        payment.ackStatus = status;
        payment.ackId = new JsonObject(response.body()).getString("id");
        record("2xx");
        return Optional.empty();
      }
      String type = problemSlug(response.body());
      record(status + " " + type);
      if (status == 409 || status == 429 || status >= 500) {
        return response.headers().firstValue("Retry-After").flatMap(RetryingClients::seconds);
      }
      // any other 4xx is the client's fault: a well-behaved client does not resend it
      payment.gaveUp = true;
      return Optional.empty();
    } catch (HttpTimeoutException e) {
      record("no answer within 10 s");
    } catch (ConnectException e) {
      record("connection refused");
    } catch (IOException e) {
      record("connection lost (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      payment.gaveUp = true;
    } catch (RuntimeException e) {
      record("unreadable answer (" + e.getClass().getSimpleName() + ")");
    }
    return Optional.empty();
  }

  private void record(String outcome) {
    attempts.add(new Attempt(Instant.now(), outcome));
  }

  /** The last path segment of a problem's type, e.g. "dependency-unavailable"; "non-problem body" else. */
  static String problemSlug(String body) {
    try {
      String type = new JsonObject(body).getString("type", "");
      return type.isEmpty() ? "without type" : type.substring(type.lastIndexOf('/') + 1);
    } catch (RuntimeException e) {
      return "non-problem body";
    }
  }

  private static Optional<Long> seconds(String value) {
    try {
      return Optional.of(Math.min(5, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(Math.max(0, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
