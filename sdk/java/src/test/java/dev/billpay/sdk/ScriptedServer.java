package dev.billpay.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free loopback port (the JDK's own), answering each request with the next scripted
 * answer and recording what it received; for the SDK's tests of what it does with each kind of answer.
 */
final class ScriptedServer implements AutoCloseable {
  record Answer(int status, String contentType, String body, Map<String, String> headers) {}

  record Received(String method, String path, String query, Map<String, List<String>> headers, String body, long atNanos) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  final List<Received> received = new CopyOnWriteArrayList<>();

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
      Answer a = script.poll();
      if (a == null) {
        a = problem(500, "internal", null);
      }
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", a.contentType());
      exchange.getResponseHeaders().add("X-Request-Id", "req_" + received.size());
      a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ScriptedServer then(Answer answer) {
    script.add(answer);
    return this;
  }

  static Answer json(int status, String body) {
    return new Answer(status, "application/json", body, Map.of());
  }

  static Answer problem(int status, String slug, String retryAfter) {
    String body = "{\"type\":\"https://billpay-gateway.dev/problems/" + slug + "\",\"title\":\"t\",\"status\":" + status
        + ",\"detail\":\"d\",\"instance\":\"req_x\",\"errors\":[{\"field\":\"amount\",\"message\":\"must be positive\","
        + "\"code\":\"amount.positive\"}]}";
    return new Answer(status, "application/problem+json", body,
        retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
