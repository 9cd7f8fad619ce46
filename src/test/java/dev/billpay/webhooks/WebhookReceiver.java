package dev.billpay.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that plays webhook receivers: /ok answers 204, /flaky/N fails the
 * first N requests with 500, /slow/MS answers after MS milliseconds, /fail always answers 503.
 */
public final class WebhookReceiver implements AutoCloseable {
  public record Received(String path, String id, String timestamp, String signature, String body, long receivedAtNanos) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

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

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      String path = req.path();
      int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      Runnable record = () -> received.add(new Received(path, req.getHeader("webhook-id"),
          req.getHeader("webhook-timestamp"), req.getHeader("webhook-signature"), body.toString(), System.nanoTime()));
      if (path.startsWith("/flaky/") && n <= Integer.parseInt(path.substring(7))) {
        req.response().setStatusCode(500).end("not yet");
      } else if (path.startsWith("/slow/")) {
        vertx.setTimer(Long.parseLong(path.substring(6)), id -> {
          record.run();
          req.response().setStatusCode(200).end("ok");
        });
      } else if (path.equals("/fail")) {
        req.response().setStatusCode(503).end("down");
      } else {
        record.run();
        req.response().setStatusCode(204).end();
      }
    });
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
