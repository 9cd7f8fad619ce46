package dev.billpay.benchmark;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients of a run with --webhooks, made through the gateway's own APIs: each one a client
 * (admin API), a test key, a funding account, a payee and one webhook endpoint subscribed to every
 * event type, all endpoints on the benchmark's {@link WebhookSink}. The payments of the run are then
 * spread evenly over these clients, so every payment's events fan out to exactly one endpoint.
 */
final class WebhookClients {
  private WebhookClients() {}

  static List<PaymentPosts.Target> create(MeasuredGateway gateway, String adminToken, int count, WebhookSink sink)
      throws Exception {
    List<PaymentPosts.Target> targets = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      String client = gateway.create(adminToken, "/admin/v1/clients",
          new JsonObject().put("name", "Benchmark webhook client " + n).encode());
      String key = new JsonObject(gateway.post(adminToken, "/admin/v1/clients/" + client + "/keys",
          new JsonObject().put("mode", "test").encode())).getString("key");
      gateway.create(key, "/v1/webhook-endpoints", new JsonObject().put("url", sink.url(n))
          .put("event_types", new io.vertx.core.json.JsonArray().add("*"))
          .put("description", "billpay-benchmark receiver").encode());
      targets.add(gateway.fixturesOf(key));
    }
    return targets;
  }
}
