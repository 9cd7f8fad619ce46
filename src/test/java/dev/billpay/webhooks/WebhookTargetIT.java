package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Webhook target rules as in production: https only, no private or loopback targets")
class WebhookTargetIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_WEBHOOKS_ALLOW_HTTP", "false", "BILLPAY_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "false"));
  private static final Api api = new Api();

  @Test
  @DisplayName("loopback, private and plain-http targets are refused with 422 webhook-target-refused")
  void refused() {
    for (String url : List.of("https://127.0.0.1/hook", "https://10.0.0.8/hook", "https://192.168.1.20/hook",
        "https://169.254.169.254/latest", "https://localhost/hook", "http://93.184.216.34/hook")) {
      Api.Response r = api.post(Api.DEV_KEY, "/v1/webhook-endpoints",
          new JsonObject().put("url", url).put("event_types", new JsonArray().add("*")));
      assertThat(r.status()).as(url + " " + r.body()).isEqualTo(422);
      assertThat(r.json().getString("type")).endsWith("/webhook-target-refused");
    }
  }
}
