package dev.billpay.expectedpayments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Expected payments over the API: idempotent creates, validation, lists, tenancy, archive, events")
class ExpectedPaymentsIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();
  private static final String PATH = "/v1/expected-payments";
  private static final String IBAN = "DE89370400440532013000";

  static JsonObject exact(long amount) {
    return new JsonObject().put("direction", "credit").put("amount_minor", amount).put("currency", "USD")
        .put("date_window", new JsonObject().put("start", "2089-06-01").put("end", "2089-06-05"));
  }

  private static Api.Response post(String apiKey, JsonObject body, String idempotencyKey) {
    return api.send("POST", PATH, apiKey, "application/json", body.encode(), idempotencyKey);
  }

  private static JsonObject create(String apiKey, JsonObject body) {
    Api.Response r = post(apiKey, body, UUID.randomUUID().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  @DisplayName("an exact amount and a range are created unreconciled; the counterparty's account shows only its last four")
  void createsExactAndRange() {
    JsonObject created = create(Api.DEV_KEY, exact(125_000).put("reference", "INV-" + UUID.randomUUID())
        .put("counterparty", new JsonObject().put("name", "Acme GmbH").put("account_number", IBAN))
        .put("metadata", new JsonObject().put("invoice", "INV-0117")));
    assertThat(created.getString("id")).startsWith("ep_");
    assertThat(created.getString("object")).isEqualTo("expected_payment");
    assertThat(created.getString("status")).isEqualTo("unreconciled");
    assertThat(created.getLong("amount_minor")).isEqualTo(125_000);
    assertThat(created.getLong("amount_min_minor")).isEqualTo(125_000);
    assertThat(created.getLong("amount_max_minor")).isEqualTo(125_000);
    assertThat(created.getLong("reconciled_amount_minor")).isZero();
    assertThat(created.getJsonArray("transactions")).isEmpty();
    assertThat(created.getJsonObject("counterparty").getString("account_last4")).isEqualTo("3000");
    assertThat(created.getJsonObject("metadata").getString("invoice")).isEqualTo("INV-0117");
    assertThat(created.encode()).doesNotContain(IBAN);
    assertThat(Probes.pgLong("SELECT count(*) FROM expected_payments WHERE id = ? AND counterparty_ciphertext IS NOT"
        + " NULL AND position(convert_to(?, 'UTF8') in counterparty_ciphertext) = 0", created.getString("id"), IBAN))
        .as("stored sealed, not in clear").isEqualTo(1);
    assertThat(api.get(Api.DEV_KEY, PATH + "/" + created.getString("id")).json()).isEqualTo(created);

    JsonObject range = exact(1);
    range.remove("amount_minor");
    JsonObject r = create(Api.DEV_KEY, range.put("direction", "debit").put("amount_min_minor", 9_000)
        .put("amount_max_minor", 11_000));
    assertThat(r.getValue("amount_minor")).isNull();
    assertThat(r.getLong("amount_min_minor")).isEqualTo(9_000);
    assertThat(r.getLong("amount_max_minor")).isEqualTo(11_000);
    assertThat(r.getString("direction")).isEqualTo("debit");
    assertThat(r.getValue("counterparty")).isNull();
  }

  @Test
  @DisplayName("the same key and body replay the first answer; the same key with another body is refused")
  void idempotent() {
    String key = UUID.randomUUID().toString();
    Api.Response first = post(Api.DEV_KEY, exact(4_200), key);
    Api.Response again = post(Api.DEV_KEY, exact(4_200), key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(Probes.pgLong("SELECT count(*) FROM expected_payments WHERE id = ?", first.json().getString("id")))
        .isEqualTo(1);
    Api.Response other = post(Api.DEV_KEY, exact(4_201), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().getString("type")).endsWith("/idempotency-key-reused");
    Api.Response none = post(Api.DEV_KEY, exact(4_200), null);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().getString("type")).endsWith("/idempotency-key-missing");
  }

  @Test
  @DisplayName("each invalid field is a validation problem that names it")
  void validation() {
    JsonObject range = exact(1);
    range.remove("amount_minor");
    List<Object[]> cases = List.of(
        new Object[] {without(exact(100), "direction"), "direction"},
        new Object[] {exact(100).put("direction", "sideways"), "direction"},
        new Object[] {exact(0), "amount_minor"},
        new Object[] {without(exact(100), "amount_minor"), "amount_minor"},
        new Object[] {exact(100).put("amount_min_minor", 50).put("amount_max_minor", 150), "amount_minor"},
        new Object[] {range.copy().put("amount_min_minor", 300).put("amount_max_minor", 200), "amount_max_minor"},
        new Object[] {range.copy().put("amount_min_minor", 300), "amount_max_minor"},
        new Object[] {exact(100).put("currency", "usd"), "currency"},
        new Object[] {exact(100).put("currency", "ZZZ"), "currency"},
        new Object[] {without(exact(100), "date_window"), "date_window"},
        new Object[] {exact(100).put("date_window", new JsonObject().put("start", "2089-06-05")
            .put("end", "2089-06-01")), "date_window.end"},
        new Object[] {exact(100).put("date_window", new JsonObject().put("start", "2089-06-05")), "date_window.end"},
        new Object[] {exact(100).put("date_window", new JsonObject().put("start", "5 Dec")
            .put("end", "2089-06-06")), "date_window.start"},
        new Object[] {exact(100).put("counterparty", new JsonObject().put("account_number", "12-34")),
            "counterparty.account_number"},
        new Object[] {exact(100).put("reference", "x".repeat(141)), "reference"},
        new Object[] {exact(100).put("metadata", new JsonObject().put("invoice", 17)), "metadata.invoice"},
        new Object[] {exact(100).put("colour", "blue"), "colour"});
    for (Object[] c : cases) {
      Api.Response r = post(Api.DEV_KEY, (JsonObject) c[0], UUID.randomUUID().toString());
      assertThat(r.status()).as("%s: %s", c[0], r.body()).isEqualTo(400);
      JsonObject problem = r.json();
      assertThat(problem.getString("type")).as(r.body()).endsWith("/validation");
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
          .as("%s: %s", c[0], r.body()).contains((String) c[1]);
    }
  }

  private static JsonObject without(JsonObject body, String field) {
    body.remove(field);
    return body;
  }

  @Test
  @DisplayName("the list filters by status, direction, currency, reference and window overlap, in cursor pages")
  void listFiltersAndPages() {
    String key = Fixtures.newClientKey("expected-list-" + UUID.randomUUID());
    String reference = "REF-" + UUID.randomUUID();
    JsonObject a = create(key, exact(100));
    JsonObject b = create(key, exact(200).put("direction", "debit").put("reference", reference));
    JsonObject c = create(key, exact(300).put("currency", "EUR").put("date_window",
        new JsonObject().put("start", "2089-07-10").put("end", "2089-07-20")));
    JsonObject d = create(key, exact(400));
    JsonObject e = create(key, exact(500));
    assertThat(api.send("POST", PATH + "/" + d.getString("id") + "/archive", key, null, null).status())
        .isEqualTo(200);

    assertThat(ids(key, "?direction=debit")).containsExactly(b.getString("id"));
    assertThat(ids(key, "?currency=EUR")).containsExactly(c.getString("id"));
    assertThat(ids(key, "?reference=" + reference)).containsExactly(b.getString("id"));
    assertThat(ids(key, "?status=archived")).containsExactly(d.getString("id"));
    assertThat(ids(key, "?status=unreconciled")).containsExactly(e.getString("id"), c.getString("id"),
        b.getString("id"), a.getString("id"));
    assertThat(ids(key, "?from=2089-07-20")).containsExactly(c.getString("id"));
    assertThat(ids(key, "?from=2089-07-01&to=2089-07-10")).containsExactly(c.getString("id"));
    assertThat(ids(key, "?to=2089-06-01")).hasSize(4).doesNotContain(c.getString("id"));
    assertThat(ids(key, "?from=2089-07-21")).isEmpty();

    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = api.get(key, PATH + "?limit=2" + (cursor == null ? "" : "&starting_after=" + cursor)).json();
      page.getJsonArray("data").forEach(x -> paged.add(((JsonObject) x).getString("id")));
      cursor = page.getString("next_cursor");
      assertThat(page.getBoolean("has_more")).isEqualTo(cursor != null);
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(paged).containsExactly(e.getString("id"), d.getString("id"), c.getString("id"), b.getString("id"),
        a.getString("id"));

    for (String[] bad : new String[][] {{"status=paid", "status"}, {"colour=blue", "colour"},
        {"from=2089-08-01&to=2089-07-01", "to"}, {"starting_after=pay_01JD", "starting_after"}}) {
      Api.Response r = api.get(key, PATH + "?" + bad[0]);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().getJsonArray("errors").stream().map(x -> ((JsonObject) x).getString("field")))
          .as(r.body()).contains(bad[1]);
    }
  }

  private static List<String> ids(String apiKey, String query) {
    Api.Response r = api.get(apiKey, PATH + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonArray data = r.json().getJsonArray("data");
    return data.stream().map(x -> ((JsonObject) x).getString("id")).toList();
  }

  @Test
  @DisplayName("another client can neither see, list, archive nor read the events of an expected payment: 404")
  void tenancy() {
    String id = create(Api.DEV_KEY, exact(700)).getString("id");
    String other = Fixtures.newClientKey("expected-other-" + UUID.randomUUID());
    assertThat(api.get(other, PATH + "/" + id).status()).isEqualTo(404);
    assertThat(api.get(other, PATH + "/" + id + "/events").status()).isEqualTo(404);
    assertThat(api.send("POST", PATH + "/" + id + "/archive", other, null, null).status()).isEqualTo(404);
    assertThat(ids(other, "")).doesNotContain(id);
    assertThat(api.get(Api.DEV_KEY, PATH + "/" + id).json().getString("status")).isEqualTo("unreconciled");
  }

  @Test
  @DisplayName("archiving answers the archived payment, again as it is, and its events show created then archived")
  void archiveAndEvents() {
    String id = create(Api.DEV_KEY, exact(800)).getString("id");
    Api.Response archived = api.send("POST", PATH + "/" + id + "/archive", Api.DEV_KEY, null, null);
    assertThat(archived.status()).as(archived.body()).isEqualTo(200);
    assertThat(archived.json().getString("status")).isEqualTo("archived");
    Api.Response again = api.send("POST", PATH + "/" + id + "/archive", Api.DEV_KEY, null, null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("status")).isEqualTo("archived");

    Eventually.await(Duration.ofSeconds(60), "created and archived in the history", () -> types(id).size() == 2);
    assertThat(types(id)).containsExactly("billpay.expected_payment.created", "billpay.expected_payment.archived");
    JsonObject createdEvent = api.get(Api.DEV_KEY, PATH + "/" + id + "/events").json().getJsonArray("data")
        .getJsonObject(0);
    assertThat(createdEvent.getString("subject")).isEqualTo(id);
    assertThat(createdEvent.getJsonObject("data").getString("status")).isEqualTo("unreconciled");
    dev.billpay.testing.DocumentedEvents.assertMatchesItsExample(createdEvent);
  }

  private static List<String> types(String id) {
    return api.get(Api.DEV_KEY, PATH + "/" + id + "/events").json().getJsonArray("data").stream()
        .map(e -> ((JsonObject) e).getString("type")).toList();
  }
}
