package dev.billpay.webhooks;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that plays webhook receivers: /ok answers 204, /flaky/N fails the
 * first N requests with 500, /slow/MS answers after MS milliseconds, /fail always answers 503, and
 * /hold/NAME answers 200 only when the test releases it. It also counts the requests open at once.
 */
public final class WebhookReceiver implements AutoCloseable {
  public record Received(String path, String id, String timestamp, String signature, String body, long receivedAtNanos) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();
  private final Map<String, Queue<Runnable>> held = new ConcurrentHashMap<>();

  public WebhookReceiver() throws Exception {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  public int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  /** The most requests to the path that were open at the same time (arrived, not yet answered). */
  public int peakOpen(String path) {
    return peak.getOrDefault(path, new AtomicInteger()).get();
  }

  /** Requests to a /hold/ path waiting for {@link #releaseOne}. */
  public int held(String path) {
    Queue<Runnable> q = held.get(path);
    return q == null ? 0 : q.size();
  }

  /** Answers the oldest held request of the path with 200; false if none was held. */
  public boolean releaseOne(String path) {
    Queue<Runnable> q = held.get(path);
    Runnable answer = q == null ? null : q.poll();
    if (answer != null) {
      answer.run();
    }
    return answer != null;
  }

  private void handle(HttpServerRequest req) {
    String path = req.path();
    int opened = open.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    peak.computeIfAbsent(path, k -> new AtomicInteger()).accumulateAndGet(opened, Math::max);
    Context context = vertx.getOrCreateContext();
    req.body().onSuccess(body -> {
      int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      Runnable record = () -> received.add(new Received(path, req.getHeader("webhook-id"),
          req.getHeader("webhook-timestamp"), req.getHeader("webhook-signature"), body.toString(), System.nanoTime()));
      if (path.startsWith("/flaky/") && n <= Integer.parseInt(path.substring(7))) {
        answer(req, path, 500, "not yet");
      } else if (path.startsWith("/slow/")) {
        vertx.setTimer(Long.parseLong(path.substring(6)), id -> {
          record.run();
          answer(req, path, 200, "ok");
        });
      } else if (path.startsWith("/hold/")) {
        // released from the test's thread: answer on the request's own event loop
        held.computeIfAbsent(path, k -> new ConcurrentLinkedQueue<>()).add(() -> context.runOnContext(v -> {
          record.run();
          answer(req, path, 200, "ok");
        }));
      } else if (path.equals("/fail")) {
        answer(req, path, 503, "down");
      } else {
        record.run();
        answer(req, path, 204, null);
      }
    });
  }

  private void answer(HttpServerRequest req, String path, int status, String body) {
    open.get(path).decrementAndGet();
    req.response().setStatusCode(status);
    if (body == null) {
      req.response().end();
    } else {
      req.response().end(body);
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
