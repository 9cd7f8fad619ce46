package dev.billpay.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.bai2.Bai2Statement;
import dev.billpay.reconciliation.bai2.Bai2Writer;
import dev.billpay.reconciliation.bai2.FileHeader;
import dev.billpay.reconciliation.bai2.FundsType;
import dev.billpay.reconciliation.bai2.GroupHeader;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.webhooks.WebhookReceiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Expected payments reconciled from a camt.053 and a BAI2 statement of the same day")
class ReconcileEverySourceIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final String OPERATOR = SharedStack.ADMIN_TOKEN;
  private static WebhookReceiver receiver;
  private final Api api = new Api();

  @BeforeAll
  static void listen() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterAll
  static void stop() throws Exception {
    receiver.close();
  }

  @Test
  @DisplayName("the report's totals are the statements' totals, and every reconciliation is an event in Kafka,"
      + " in Cassandra and at the webhook, once")
  void everySourceAlike() {
    // a day of its own, so the day's report holds this test's statements only
    LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    String hook = "/e2e-" + tag;
    Api.Response endpoint = api.post(Api.DEV_KEY, "/v1/webhook-endpoints", new JsonObject()
        .put("url", receiver.url(hook)).put("event_types", new JsonArray(List.of("billpay.expected_payment.reconciled",
            "billpay.expected_payment.partially_reconciled"))));
    assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);

    String globex = expect(125_000, "INV-" + tag + "-A", "Globex Corporation", day);
    String initech = expect(48_000, "INV-" + tag + "-B", null, day);
    String split = expect(30_000, "INV-" + tag + "-C", null, day);

    String camt = CamtStatementText.of("STMT-" + tag, day, 1_000_000, List.of(
        new CamtStatementText.Entry(125_000, true, "PMNT/RCDT/ESCT", "INV-" + tag + "-A", "Globex Corporation"),
        new CamtStatementText.Entry(10_000, true, "PMNT/RCDT/ESCT", "INV-" + tag + "-C", null),
        new CamtStatementText.Entry(1_500, false, "ACMT/MDOP/CHRG", null, null)));
    Api.Response camtImport = upload(camt, "application/xml");
    assertThat(camtImport.status()).as(camtImport.body()).isEqualTo(201);
    assertThat(camtImport.json().getString("kind")).isEqualTo("camt_statement");
    assertThat(camtImport.json().getJsonObject("summary").getMap()).contains(Map.entry("transactions", 3),
        Map.entry("expected_payments_reconciled", 2), Map.entry("exceptions", 1));

    String bai2 = bai2(day, tag,
        new Bai2Statement.Entry("195", 48_000, FundsType.IMMEDIATE, "FW1", "", "PAYMENT INV-" + tag + "-B"),
        new Bai2Statement.Entry("195", 20_000, FundsType.IMMEDIATE, "FW2", "", "REST OF INV-" + tag + "-C"),
        new Bai2Statement.Entry("195", 7_777, FundsType.IMMEDIATE, "FW3", "", "NOBODY EXPECTS THIS"));
    Api.Response bai2Import = upload(bai2, "text/plain");
    assertThat(bai2Import.status()).as(bai2Import.body()).isEqualTo(201);
    assertThat(bai2Import.json().getJsonObject("summary").getMap()).contains(Map.entry("transactions", 3),
        Map.entry("expected_payments_reconciled", 2), Map.entry("exceptions", 1));

    assertReconciled(globex, 125_000, 1);
    assertReconciled(initech, 48_000, 1);
    assertReconciled(split, 30_000, 2);

    // the same statement again changes nothing
    Api.Response again = upload(camt, "application/xml");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("id")).isEqualTo(camtImport.json().getString("id"));
    assertReconciled(split, 30_000, 2);

    JsonObject report = api.get(OPERATOR, "/v1/reconciliation/reports/" + day).json();
    JsonObject banked = report.getJsonObject("bank_transactions");
    assertThat(side(banked, "camt_statement", "credits")).isEqualTo(amount(2, 135_000));
    assertThat(side(banked, "camt_statement", "debits")).isEqualTo(amount(1, 1_500));
    assertThat(side(banked, "bai2_statement", "credits")).isEqualTo(amount(3, 75_777));
    JsonObject usd = banked.getJsonArray("totals").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("currency").equals("USD")).findFirst().orElseThrow();
    assertThat(usd.getJsonObject("credits")).isEqualTo(amount(5, 135_000 + 75_777));
    assertThat(usd.getJsonObject("debits")).isEqualTo(amount(1, 1_500));

    Set<String> ours = Set.of(globex, initech, split);
    List<JsonObject> events = Probes.topicEvents(ours, 3 + 4, Duration.ofSeconds(60));
    assertThat(events.stream().map(e -> e.getString("type").replace("billpay.expected_payment.", ""))
        .collect(Collectors.groupingBy(t -> t, Collectors.counting())))
        .containsEntry("created", 3L).containsEntry("reconciled", 3L).containsEntry("partially_reconciled", 1L);
    for (String id : ours) {
      Eventually.await(Duration.ofSeconds(60), id + "'s events in Cassandra", () -> api.get(Api.DEV_KEY,
          "/v1/expected-payments/" + id + "/events").body().contains("billpay.expected_payment.reconciled"));
    }
    Eventually.await(Duration.ofSeconds(60), "three reconciled and one partial at the webhook", () ->
        receiver.received(hook).stream().filter(r -> r.body().contains("expected_payment.reconciled")).count() == 3
            && receiver.received(hook).stream().filter(r -> r.body().contains("partially_reconciled")).count() == 1);
    assertThat(receiver.received(hook).stream().map(WebhookReceiver.Received::id).distinct().count())
        .as("each event delivered once").isEqualTo(receiver.received(hook).size());
  }

  private String expect(long amount, String reference, String counterparty, LocalDate day) {
    JsonObject body = new JsonObject().put("direction", "credit").put("amount_minor", amount).put("currency", "USD")
        .put("date_window", new JsonObject().put("start", day.minusDays(1).toString()).put("end", day.toString()))
        .put("reference", reference);
    if (counterparty != null) {
      body.put("counterparty", new JsonObject().put("name", counterparty));
    }
    Api.Response r = api.post(Api.DEV_KEY, "/v1/expected-payments", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  private void assertReconciled(String id, long amount, int transactions) {
    JsonObject e = api.get(Api.DEV_KEY, "/v1/expected-payments/" + id).json();
    assertThat(e.getString("status")).as(e.encode()).isEqualTo("reconciled");
    assertThat(e.getLong("reconciled_amount_minor")).isEqualTo(amount);
    assertThat(e.getJsonArray("transactions")).hasSize(transactions);
  }

  private Api.Response upload(String content, String type) {
    return api.send("POST", "/v1/bank-files?file_name=statement", OPERATOR, type, content);
  }

  private static String bai2(LocalDate day, String tag, Bai2Statement.Entry... entries) {
    return Bai2Writer.format(new Bai2Statement(
        new FileHeader("BANK", "BILLPAY", day, "2359", Long.toString(System.nanoTime()), OptionalInt.of(80), OptionalInt.empty()),
        new GroupHeader("BILLPAY", "BANK", 1, day, "2359", "USD", OptionalInt.of(2)),
        List.of(new Bai2Statement.Account("000123456789", "", List.of(), List.of(entries)))));
  }

  private static JsonObject side(JsonObject banked, String source, String side) {
    return banked.getJsonArray("sources").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("source").equals(source) && s.getString("currency").equals("USD"))
        .findFirst().orElseThrow().getJsonObject(side);
  }

  private static JsonObject amount(long count, long amount) {
    return new JsonObject().put("count", count).put("amount", amount);
  }
}
