package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.GatewayConfig;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Webhook claims: delivery workers share each endpoint's bound, and a late result changes nothing")
class WebhookClaimsIT {
  private static final int BOUND = 2;
  // no webhooks role of the gateway's own: the test deploys the dispatcher and two delivery workers,
  // which claim from PostgreSQL independently, as two webhooks processes would. No scheduler: its
  // payments would be delivered to these endpoints too
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_ROLES", "api,relay,projector,maintenance",
      "BILLPAY_WEBHOOKS_MAX_CONCURRENCY_PER_ENDPOINT", Integer.toString(BOUND),
      // a held request must neither time out nor outlive its lease (6x the timeout) while the test looks
      "BILLPAY_WEBHOOKS_TIMEOUT_MS", "20000"));
  private static final Api api = new Api();
  private static final List<String> created = new CopyOnWriteArrayList<>();
  private static WebhookReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver();
    GatewayConfig config = gateway.config();
    AccountNumberCipher cipher = AccountNumberCipher.fromBase64(config.security().accountKeyId(),
        config.security().accountKey());
    deploy(new WebhookDispatcherVerticle(config, Clock.systemUTC()));
    deploy(new WebhookDeliveryVerticle(config, cipher, new GatewayMetrics(), Clock.systemUTC()));
    deploy(new WebhookDeliveryVerticle(config, cipher, new GatewayMetrics(), Clock.systemUTC()));
  }

  @AfterAll
  static void stop() throws Exception {
    // the endpoints go with their receiver: later test classes' events must not queue for a closed port
    created.forEach(WebhookClaimsIT::delete);
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  @DisplayName("two workers never have more than the bound in flight to one slow endpoint, and send each delivery once")
  void boundAcrossWorkers() {
    String endpointId = endpoint("/slow/1000");
    try {
      sendTwelve(endpointId);
    } finally {
      delete(endpointId); // the other test's payments are not for this endpoint
    }
  }

  private static void sendTwelve(String endpointId) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(pay());
    }
    Eventually.await(Duration.ofSeconds(90), "all twelve received", () -> ids.stream()
        .allMatch(id -> receiver.received("/slow/1000").stream().anyMatch(r -> subject(r).equals(id))));
    Eventually.await(Duration.ofSeconds(30), "every delivery recorded as succeeded on its first attempt",
        () -> Probes.pgLong("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'succeeded'"
            + " AND attempts = 1 AND claimed_until IS NULL", endpointId) == 12);

    assertThat(receiver.peakOpen("/slow/1000")).as("requests open at once at the endpoint").isEqualTo(BOUND);
    assertThat(receiver.hits("/slow/1000")).as("requests that reached the endpoint").isEqualTo(12);
    assertThat(receiver.received("/slow/1000")).extracting(WebhookClaimsIT::subject)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(Probes.pgLong("SELECT count(*) FROM webhook_attempts a JOIN webhook_deliveries d"
        + " ON d.id = a.delivery_id WHERE d.endpoint_id = ?", endpointId)).as("attempts recorded").isEqualTo(12);
  }

  @Test
  @DisplayName("a result that comes back after a redelivery changes nothing, and the redelivery is sent after it")
  void staleResultAfterRedelivery() {
    String path = "/hold/redeliver";
    String endpointId = endpoint(path);
    try {
      redeliverWhileSending(path, endpointId);
    } finally {
      delete(endpointId); // the other test's payments are not for this endpoint
    }
  }

  private static void redeliverWhileSending(String path, String endpointId) {
    pay();
    Eventually.await(Duration.ofSeconds(60), "the first request held at the endpoint", () -> receiver.held(path) == 1);
    JsonObject delivery = delivery(endpointId);
    String deliveryId = delivery.getString("id");
    String eventId = delivery.getString("event_id");

    Api.Response r = api.send("POST", "/v1/events/" + eventId + "/redeliver", Api.DEV_KEY, null, null);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(receiver.releaseOne(path)).isTrue(); // the first attempt succeeds, too late: it was redelivered
    Eventually.await(Duration.ofSeconds(30), "the late attempt recorded",
        () -> Probes.pgLong("SELECT count(*) FROM webhook_attempts WHERE delivery_id = ?", deliveryId) == 1);
    // its slot is given back once it is recorded, so the redelivery goes out next
    Eventually.await(Duration.ofSeconds(60), "the redelivery held at the endpoint", () -> receiver.held(path) == 1);

    JsonObject meanwhile = delivery(endpointId);
    assertThat(meanwhile.getString("status")).as("the late success did not overwrite the redelivery")
        .isEqualTo("pending");
    assertThat(meanwhile.getInteger("attempts")).isZero();
    assertThat(meanwhile.getInteger("last_status_code")).isNull();
    assertThat(receiver.hits(path)).as("no third request").isEqualTo(2);

    assertThat(receiver.releaseOne(path)).isTrue();
    Eventually.await(Duration.ofSeconds(30), "the redelivery recorded as succeeded", () -> {
      JsonObject d = delivery(endpointId);
      return "succeeded".equals(d.getString("status")) && d.getInteger("attempts") == 1;
    });
    assertThat(Probes.pgLong("SELECT count(*) FROM webhook_attempts WHERE delivery_id = ?", deliveryId))
        .as("both requests recorded as attempts").isEqualTo(2);
    assertThat(receiver.received(path)).extracting(WebhookReceiver.Received::id).containsExactly(eventId, eventId);
  }

  private static String endpoint(String path) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/webhook-endpoints", new JsonObject().put("url", receiver.url(path))
        .put("event_types", new JsonArray().add("billpay.payment.created")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    created.add(r.json().getString("id"));
    return r.json().getString("id");
  }

  private static void delete(String endpointId) {
    api.send("DELETE", "/v1/webhook-endpoints/" + endpointId, Api.DEV_KEY, null, null);
  }

  private static String pay() {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(1200));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  /** The endpoint's only delivery, as the API shows it. */
  private static JsonObject delivery(String endpointId) {
    JsonArray data = api.get(Api.DEV_KEY, "/v1/webhook-endpoints/" + endpointId + "/deliveries").json()
        .getJsonArray("data");
    assertThat(data).hasSize(1);
    return data.getJsonObject(0);
  }

  private static String subject(WebhookReceiver.Received r) {
    return new JsonObject(r.body()).getString("subject");
  }

  private static void deploy(Deployable verticle) throws Exception {
    gateway.vertx().deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
