package dev.billpay.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Every error is application/problem+json with a stable type and no stack trace")
class ProblemResponsesIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  private static void assertProblem(Api.Response r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getString("type")).isEqualTo("https://billpay-gateway.dev/problems/" + type);
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("instance")).startsWith("req_");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("no key or an unknown key is 401")
  void unauthorized() {
    assertProblem(api.get(null, "/v1/payments/pay_x"), 401, "unauthorized");
    assertProblem(api.get("bp_test_unknown_key_000000", "/v1/payments/pay_x"), 401, "unauthorized");
  }

  @Test
  @DisplayName("unknown route 404, unknown payment 404, wrong method 405")
  void routing() {
    assertProblem(api.get(Api.DEV_KEY, "/v1/nothing-here"), 404, "not-found");
    assertProblem(api.get(Api.DEV_KEY, "/v1/payments/pay_01NOSUCHPAYMENT"), 404, "not-found");
    assertProblem(api.send("DELETE", "/v1/payments", Api.DEV_KEY, null, null), 405, "method-not-allowed");
  }

  @Test
  @DisplayName("wrong content type 415, malformed JSON 400, a JSON array 400, too large a body 413")
  void bodies() {
    assertProblem(api.send("POST", "/v1/payments", Api.DEV_KEY, "text/plain", "hello"), 415, "unsupported-media-type");
    assertProblem(api.send("POST", "/v1/payments", Api.DEV_KEY, "application/json", "{\"amount\": 1"), 400,
        "malformed-request");
    assertProblem(api.send("POST", "/v1/payments", Api.DEV_KEY, "application/json", "[1,2]"), 400,
        "malformed-request");
    assertProblem(api.send("POST", "/v1/payments", Api.DEV_KEY, "application/json",
        "{\"reference\":\"" + "x".repeat(200_000) + "\"}"), 413, "payload-too-large");
  }

  @Test
  @DisplayName("invalid fields are listed one by one, unknown fields included")
  void validation() {
    Api.Response r = api.send("POST", "/v1/payments", Api.DEV_KEY, "application/json",
        "{\"funding_account_id\":\"nope\",\"payee_id\":\"pe_1\",\"amount\":12.5,\"currency\":\"usd\",\"colour\":1}");
    assertProblem(r, 400, "validation");
    assertThat(r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactlyInAnyOrder("funding_account_id", "amount", "currency", "colour");
  }

  @Test
  @DisplayName("zero, negative and absurd amounts are 400; an amount over the per-payment limit is 422")
  void amounts() {
    for (String amount : new String[] {"0", "-5", "99999999999999999999999"}) {
      Api.Response r = api.send("POST", "/v1/payments", Api.DEV_KEY, "application/json",
          "{\"funding_account_id\":\"fa_1\",\"payee_id\":\"pe_1\",\"amount\":" + amount + ",\"currency\":\"USD\"}");
      assertProblem(r, 400, "validation");
      assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("amount");
    }
    Api.Response over = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(100_000_001L));
    assertProblem(over, 422, "amount-limit-exceeded");
    assertThat(over.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("amount");
  }

  @Test
  @DisplayName("a request line or headers too long for HTTP decoding still get problem+json (414, 431)")
  void undecodable() {
    Api.Response longLine = api.get(Api.DEV_KEY, "/v1/payments/pay_" + "A".repeat(5000));
    assertThat(longLine.status()).isEqualTo(414);
    assertThat(longLine.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(longLine.json().getString("type")).endsWith("/request-too-large");
  }

  @Test
  @DisplayName("a NUL character in an id is a client error, never a 500")
  void nulInId() {
    Api.Response r = api.get(Api.DEV_KEY, "/v1/payments/pay_01%00X");
    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
  }
}
