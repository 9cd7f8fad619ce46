package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Webhooks: signed, retried, parallel across endpoints, redeliverable")
class WebhooksIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static WebhookReceiver receiver;
  private static final Api api = new Api();

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver();
  }

  private static final List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterAll
  static void stop() throws Exception {
    // the endpoints go with their receiver: later test classes' events must not queue for a closed port
    created.forEach(id -> api.send("DELETE", "/v1/webhook-endpoints/" + id, Api.DEV_KEY, null, null));
    receiver.close();
  }

  private static JsonObject endpoint(String path, String... types) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/webhook-endpoints", new JsonObject().put("url", receiver.url(path))
        .put("event_types", new JsonArray(List.of(types.length == 0 ? new String[] {"*"} : types))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    created.add(r.json().getString("id"));
    assertThat(r.json().getString("secret")).startsWith("whsec_");
    return r.json();
  }

  private static String pay() {
    return api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(1200)).json().getString("id");
  }

  private static boolean gotPayment(String path, String paymentId) {
    return receiver.received(path).stream().anyMatch(r -> new JsonObject(r.body()).getString("subject").equals(paymentId));
  }

  @Test
  @DisplayName("a receiver verifies the Standard Webhooks signature with the documented snippet; the secret is shown once")
  void signed() {
    JsonObject ep = endpoint("/ok", "billpay.payment.created");
    String paymentId = pay();
    Eventually.await(Duration.ofSeconds(60), "the webhook", () -> gotPayment("/ok", paymentId));
    WebhookReceiver.Received got = receiver.received("/ok").stream()
        .filter(r -> new JsonObject(r.body()).getString("subject").equals(paymentId)).findFirst().orElseThrow();
    long now = System.currentTimeMillis() / 1000;
    assertThat(WebhookSignature.verify(ep.getString("secret"), got.id(), got.timestamp(), got.body(), got.signature(),
        now, 300)).isTrue();
    assertThat(WebhookSignature.verify("whsec_" + "A".repeat(43) + "=", got.id(), got.timestamp(), got.body(),
        got.signature(), now, 300)).as("another secret").isFalse();
    assertThat(got.id()).isEqualTo(new JsonObject(got.body()).getString("id"));
    assertThat(api.get(Api.DEV_KEY, "/v1/webhook-endpoints/" + ep.getString("id")).json().containsKey("secret"))
        .isFalse();
  }

  @Test
  @DisplayName("a receiver failing the first 2 attempts gets the event on attempt 3, and every attempt is recorded")
  void retried() {
    JsonObject ep = endpoint("/flaky/2", "billpay.payment.created");
    String paymentId = pay();
    Eventually.await(Duration.ofSeconds(60), "the third attempt", () -> gotPayment("/flaky/2", paymentId));
    assertThat(receiver.hits("/flaky/2")).isEqualTo(3);
    Eventually.await(Duration.ofSeconds(10), "the delivery recorded as succeeded", () -> {
      JsonObject d = api.get(Api.DEV_KEY, "/v1/webhook-endpoints/" + ep.getString("id") + "/deliveries").json()
          .getJsonArray("data").getJsonObject(0);
      return d.getString("status").equals("succeeded") && d.getInteger("attempts") == 3;
    });
    var log = api.get(Api.DEV_KEY, "/v1/webhook-endpoints/" + ep.getString("id") + "/deliveries").json()
        .getJsonArray("data").getJsonObject(0).getJsonArray("attempt_log");
    assertThat(log).hasSize(3);
    assertThat(log.stream().map(a -> ((JsonObject) a).getInteger("attempt"))).containsExactly(1, 2, 3);
    assertThat(log.stream().map(a -> ((JsonObject) a).getInteger("status_code")).toList().subList(0, 2))
        .allMatch(code -> code >= 500);
    assertThat(log.getJsonObject(2).getInteger("status_code")).isBetween(200, 299);
    assertThat(log.getJsonObject(2).getInteger("latency_ms")).isNotNegative();
  }

  @Test
  @DisplayName("after the last retry the delivery is failed and the endpoint flagged")
  void exhausted() {
    JsonObject ep = endpoint("/fail", "billpay.payment.created");
    pay();
    Eventually.await(Duration.ofSeconds(60), "the endpoint flagged", () -> "failing".equals(
        api.get(Api.DEV_KEY, "/v1/webhook-endpoints/" + ep.getString("id")).json().getString("status")));
    JsonObject d = api.get(Api.DEV_KEY, "/v1/webhook-endpoints/" + ep.getString("id") + "/deliveries").json()
        .getJsonArray("data").getJsonObject(0);
    assertThat(d.getString("status")).isEqualTo("failed");
    assertThat(d.getInteger("attempts")).isEqualTo(4);
    assertThat(d.getInteger("last_status_code")).isEqualTo(503);
    assertThat(api.get(null, "/metrics").body()).contains("billpay_webhook_attempts_seconds_count{outcome=\"failed\"}",
        "billpay_webhook_attempts_seconds_count{outcome=\"retrying\"}");
    List<JsonObject> flagged = Probes.topicEvents(java.util.Set.of(ep.getString("id")), 1, Duration.ofSeconds(30));
    assertThat(flagged).extracting(e -> e.getString("type")).containsExactly("billpay.webhook_endpoint.failing");
    DocumentedEvents.assertMatchesItsExample(flagged.get(0));
  }

  @Test
  @DisplayName("a slow endpoint does not delay a fast one")
  void slowDoesNotDelayFast() {
    endpoint("/slow/4000", "billpay.payment.created");
    endpoint("/fast", "billpay.payment.created");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(pay());
    }
    Eventually.await(Duration.ofSeconds(60), "the fast endpoint to get all six",
        () -> ids.stream().allMatch(id -> gotPayment("/fast", id)));
    Eventually.await(Duration.ofSeconds(60), "the slow endpoint to get all six",
        () -> ids.stream().allMatch(id -> gotPayment("/slow/4000", id)));
    // the slow receiver records a request when it answers, 4 s after it came: every fast delivery was
    // done before the first slow one was answered, so none waited behind the slow endpoint
    long lastFast = receiver.received("/fast").stream().filter(r -> ids.contains(subject(r)))
        .mapToLong(WebhookReceiver.Received::receivedAtNanos).max().orElseThrow();
    long firstSlow = receiver.received("/slow/4000").stream().filter(r -> ids.contains(subject(r)))
        .mapToLong(WebhookReceiver.Received::receivedAtNanos).min().orElseThrow();
    assertThat(lastFast).as("the fast endpoint's last delivery came before the slow one's first answer")
        .isLessThan(firstSlow);
  }

  @Test
  @DisplayName("redelivery sends an event again with the same webhook-id; unknown events are 404")
  void redelivery() {
    endpoint("/again", "billpay.payment.created");
    String paymentId = pay();
    Eventually.await(Duration.ofSeconds(60), "the first delivery", () -> gotPayment("/again", paymentId));
    String eventId = receiver.received("/again").get(0).id();
    Api.Response r = api.send("POST", "/v1/events/" + eventId + "/redeliver", Api.DEV_KEY, null, null);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    Eventually.await(Duration.ofSeconds(60), "the second delivery",
        () -> receiver.received("/again").stream().filter(x -> x.id().equals(eventId)).count() == 2);
    assertThat(api.send("POST", "/v1/events/evt_01NOSUCH_0001/redeliver", Api.DEV_KEY, null, null).status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("rotating the secret sends both signatures during the overlap; another client sees 404")
  void rotation() {
    JsonObject ep = endpoint("/rotated", "billpay.payment.created");
    Api.Response rotated = api.send("POST", "/v1/webhook-endpoints/" + ep.getString("id") + "/rotate-secret",
        Api.DEV_KEY, null, null);
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String newSecret = rotated.json().getString("secret");
    assertThat(newSecret).isNotEqualTo(ep.getString("secret"));
    String paymentId = pay();
    Eventually.await(Duration.ofSeconds(60), "the webhook", () -> gotPayment("/rotated", paymentId));
    WebhookReceiver.Received got = receiver.received("/rotated").get(0);
    long now = System.currentTimeMillis() / 1000;
    assertThat(got.signature().split(" ")).hasSize(2);
    assertThat(WebhookSignature.verify(newSecret, got.id(), got.timestamp(), got.body(), got.signature(), now, 300))
        .isTrue();
    assertThat(WebhookSignature.verify(ep.getString("secret"), got.id(), got.timestamp(), got.body(), got.signature(),
        now, 300)).isTrue();
    assertThat(api.get("bp_test_other_client_key_for_tenancy", "/v1/webhook-endpoints/" + ep.getString("id"))
        .status()).isIn(401, 404);
  }

  private static String subject(WebhookReceiver.Received r) {
    return new JsonObject(r.body()).getString("subject");
  }
}
