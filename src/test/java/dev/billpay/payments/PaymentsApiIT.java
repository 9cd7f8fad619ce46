package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Payments API: scheduling, listing, cancelling and references")
class PaymentsApiIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("a payment for next week is scheduled; one for today is pending")
  void scheduling() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Api.Response later = api.post(Api.DEV_KEY, "/v1/payments",
        Api.paymentBody(2500).put("scheduled_for", today.plusDays(7).toString()));
    assertThat(later.status()).as(later.body()).isEqualTo(201);
    assertThat(later.json().getString("status")).isEqualTo("scheduled");
    assertThat(later.json().getString("scheduled_for")).isEqualTo(today.plusDays(7).toString());

    Api.Response now = api.post(Api.DEV_KEY, "/v1/payments",
        Api.paymentBody(2500).put("scheduled_for", today.toString()));
    assertThat(now.json().getString("status")).isEqualTo("pending");

    Api.Response past = api.post(Api.DEV_KEY, "/v1/payments",
        Api.paymentBody(2500).put("scheduled_for", today.minusDays(1).toString()));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("scheduled_for");
  }

  @Test
  @DisplayName("cancel works before submission, replays with the same key, and a second cancel is 409")
  void cancel() {
    String id = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(3100)).json().getString("id");
    String key = UUID.randomUUID().toString();

    Api.Response canceled = api.send("POST", "/v1/payments/" + id + "/cancel", Api.DEV_KEY, null, null, key);
    assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
    assertThat(canceled.json().getString("status")).isEqualTo("canceled");

    Api.Response replay = api.send("POST", "/v1/payments/" + id + "/cancel", Api.DEV_KEY, null, null, key);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

    Api.Response again = api.send("POST", "/v1/payments/" + id + "/cancel", Api.DEV_KEY, null, null,
        UUID.randomUUID().toString());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("type")).endsWith("/illegal-transition");
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status")).isEqualTo("canceled");
  }

  @Test
  @DisplayName("the list pages back newest first without gaps or duplicates, and filters by status")
  void listing() {
    String payee = Fixtures.createPayee(Api.DEV_KEY, "9900112233");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(0, api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(100 + i).put("payee_id", payee))
          .json().getString("id"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Response page = api.get(Api.DEV_KEY, "/v1/payments?limit=3&payee_id=" + payee
          + (cursor == null ? "" : "&starting_after=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      JsonArray data = page.json().getJsonArray("data");
      data.forEach(p -> seen.add(((JsonObject) p).getString("id")));
      cursor = page.json().getBoolean("has_more") ? page.json().getString("next_cursor") : null;
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(3);

    api.send("POST", "/v1/payments/" + created.get(0) + "/cancel", Api.DEV_KEY, null, null, UUID.randomUUID().toString());
    JsonArray canceled = api.get(Api.DEV_KEY, "/v1/payments?status=canceled&payee_id=" + payee).json()
        .getJsonArray("data");
    assertThat(canceled).hasSize(1);
    assertThat(canceled.getJsonObject(0).getString("id")).isEqualTo(created.get(0));

    assertThat(api.get(Api.DEV_KEY, "/v1/payments?limit=0").status()).isEqualTo(400);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments?colour=red").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("unknown or deleted funding accounts and payees are refused with 422")
  void references() {
    Api.Response unknown = api.post(Api.DEV_KEY, "/v1/payments",
        Api.paymentBody(100).put("funding_account_id", "fa_01NOSUCHACCOUNT"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().getString("type")).endsWith("/unknown-reference");

    String payee = Fixtures.createPayee(Api.DEV_KEY, "7788990011");
    assertThat(api.send("DELETE", "/v1/payees/" + payee, Api.DEV_KEY, null, null).json().getString("status"))
        .isEqualTo("deleted");
    Api.Response toDeleted = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(100).put("payee_id", payee));
    assertThat(toDeleted.status()).isEqualTo(422);
    assertThat(toDeleted.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("payee_id");
  }

  @Test
  @DisplayName("references are unique per client forever; every new payment gets its own id")
  void uniqueIds() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      ids.add(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(10)).json().getString("id"));
    }
    assertThat(ids).hasSize(20);
  }
}
