package dev.billpay.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Clients, keys and tenancy: another client's resources are 404 everywhere")
class TenancyAndAdminIT {
  // a low daily limit for this class's own clients
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of("BILLPAY_PAYMENTS_DAILY_LIMIT_MINOR", "10000"));
  private static final Api api = new Api();
  private static String keyA;
  private static String keyB;

  @BeforeAll
  static void start() throws Exception {
    keyA = createClientKey("Tenant A");
    keyB = createClientKey("Tenant B");
  }

  static JsonObject admin(String method, String path, JsonObject body, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SharedStack.HTTP_PORT + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode())).build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).put("_status", r.statusCode());
  }

  static String createClientKey(String name) throws Exception {
    JsonObject client = admin("POST", "/admin/v1/clients", new JsonObject().put("name", name), SharedStack.ADMIN_TOKEN);
    assertThat(client.getInteger("_status")).as(client.encode()).isEqualTo(201);
    JsonObject key = admin("POST", "/admin/v1/clients/" + client.getString("id") + "/keys", new JsonObject(),
        SharedStack.ADMIN_TOKEN);
    assertThat(key.getInteger("_status")).isEqualTo(201);
    assertThat(key.getString("key")).startsWith("bp_test_");
    return key.getString("key");
  }

  @Test
  @DisplayName("admin endpoints refuse a wrong token")
  void adminToken() throws Exception {
    assertThat(admin("POST", "/admin/v1/clients", new JsonObject().put("name", "x"), "wrong").getInteger("_status"))
        .isEqualTo(401);
  }

  @Test
  @DisplayName("for every route that takes an id, client B gets 404 for client A's resource, and lists show only its own")
  void tenancy() {
    String fa = Fixtures.createFundingAccount(keyA, "1234567890");
    String pe = Fixtures.createPayee(keyA, "1234567890");
    String pay = api.post(keyA, "/v1/payments", new JsonObject().put("funding_account_id", fa).put("payee_id", pe)
        .put("amount", 100).put("currency", "USD")).json().getString("id");

    for (String path : List.of("/v1/payments/" + pay, "/v1/payments/" + pay + "/events", "/v1/funding-accounts/" + fa,
        "/v1/funding-accounts/" + fa + "/history",
        "/v1/payees/" + pe)) {
      Api.Response r = api.get(keyB, path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("\"amount\"").doesNotContain("holder_name");
      assertThat(api.get(keyA, path).status()).as(path + " for its owner").isEqualTo(200);
    }
    assertThat(api.send("POST", "/v1/payments/" + pay + "/cancel", keyB, null, null).status()).isEqualTo(404);
    assertThat(api.send("DELETE", "/v1/payees/" + pe, keyB, null, null).status()).isEqualTo(404);
    Api.Response payWithOthers = api.post(keyB, "/v1/payments", new JsonObject().put("funding_account_id", fa)
        .put("payee_id", pe).put("amount", 100).put("currency", "USD"));
    assertThat(payWithOthers.status()).isEqualTo(422);

    for (String list : List.of("/v1/payments", "/v1/funding-accounts", "/v1/payees")) {
      assertThat(api.get(keyB, list + "?limit=100").json().getJsonArray("data")).as(list).isEmpty();
      assertThat(api.get(keyA, list + "?limit=100").json().getJsonArray("data")).as(list).isNotEmpty();
    }
    assertThat(api.get(keyA, "/v1/payments/" + pay).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("the per-client daily limit is enforced with 422, without affecting other clients")
  void dailyLimit() throws Exception {
    String key = createClientKey("Daily limit");
    String fa = Fixtures.createFundingAccount(key, "5555666677");
    String pe = Fixtures.createPayee(key, "5555666677");
    JsonObject body = new JsonObject().put("funding_account_id", fa).put("payee_id", pe).put("currency", "USD");
    assertThat(api.post(key, "/v1/payments", body.copy().put("amount", 6000)).status()).isEqualTo(201);
    Api.Response over = api.post(key, "/v1/payments", body.copy().put("amount", 5000));
    assertThat(over.status()).isEqualTo(422);
    assertThat(over.json().getString("type")).endsWith("/daily-limit-exceeded");
    assertThat(api.post(key, "/v1/payments", body.copy().put("amount", 4000)).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("a revoked key is refused at once")
  void revocation() throws Exception {
    JsonObject client = admin("POST", "/admin/v1/clients", new JsonObject().put("name", "Revoked"),
        SharedStack.ADMIN_TOKEN);
    JsonObject key = admin("POST", "/admin/v1/clients/" + client.getString("id") + "/keys",
        new JsonObject().put("mode", "test"), SharedStack.ADMIN_TOKEN);
    assertThat(api.get(key.getString("key"), "/v1/payments").status()).isEqualTo(200);
    JsonObject revoked = admin("POST", "/admin/v1/keys/" + key.getString("id") + "/revoke", new JsonObject(),
        SharedStack.ADMIN_TOKEN);
    assertThat(revoked.getString("revoked_at")).isNotNull();
    assertThat(api.get(key.getString("key"), "/v1/payments").status()).isEqualTo(401);
  }

}
