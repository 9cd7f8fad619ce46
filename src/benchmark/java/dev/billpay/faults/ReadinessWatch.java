package dev.billpay.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls each API process's {@code /health/ready} four times a second and keeps the gaps: from the first
 * answer that was not 200 (or no answer) to the next 200, with what the first one said.
 */
final class ReadinessWatch implements AutoCloseable {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final List<Gap> gaps = new ArrayList<>();

  record Gap(String process, Instant from, Instant to, String firstAnswer) {
    double seconds() {
      return Duration.between(from, to).toMillis() / 1000.0;
    }
  }

  ReadinessWatch(List<GatewayProcess> apis) {
    for (GatewayProcess api : apis) {
      Thread t = new Thread(() -> watch(api.name(), URI.create("http://127.0.0.1:" + api.httpPort() + "/health/ready")),
          "readiness-" + api.name());
      t.setDaemon(true);
      threads.add(t);
    }
  }

  void start() {
    threads.forEach(Thread::start);
  }

  synchronized List<Gap> gaps() {
    return List.copyOf(gaps);
  }

  private void watch(String process, URI uri) {
    Instant gapFrom = null;
    String firstAnswer = null;
    while (running.get()) {
      String answer = probe(uri);
      Instant now = Instant.now();
      if (answer.equals("200") && gapFrom != null) {
        synchronized (this) {
          gaps.add(new Gap(process, gapFrom, now, firstAnswer));
        }
        gapFrom = null;
      } else if (!answer.equals("200") && gapFrom == null) {
        gapFrom = now;
        firstAnswer = answer;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
    if (gapFrom != null) {
      synchronized (this) {
        gaps.add(new Gap(process, gapFrom, Instant.now(), firstAnswer + " (still not ready at the end)"));
      }
    }
  }

  private String probe(URI uri) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? "200" : r.statusCode() + " " + r.body().replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(5_000);
    }
  }
}
