package dev.billpay.faults;

import com.sun.net.httpserver.HttpServer;
import dev.billpay.webhooks.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The suite's webhook receiver, as a client's endpoint would be: verifies each delivery's Standard Webhooks
 * signature and counts, per webhook-id (the event id), how often it came. Redeliveries after a crash are
 * allowed (at least once); a receiver deduplicates by webhook-id.
 */
final class WebhookSink implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Integer> received = new ConcurrentHashMap<>();
  private final AtomicLong badSignatures = new AtomicLong();
  private volatile String secret;

  WebhookSink(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/hooks", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        var h = exchange.getRequestHeaders();
        String id = h.getFirst("webhook-id");
        if (secret != null && WebhookSignature.verify(secret, id, h.getFirst("webhook-timestamp"), body,
            h.getFirst("webhook-signature"), System.currentTimeMillis() / 1000, 300)) {
          received.merge(id, 1, Integer::sum);
        } else {
          badSignatures.incrementAndGet();
        }
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  void secret(String secret) {
    this.secret = secret;
  }

  /** Times each event id was delivered with a good signature. */
  Map<String, Integer> received() {
    return Map.copyOf(received);
  }

  long badSignatures() {
    return badSignatures.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
