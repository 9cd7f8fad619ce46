package dev.billpay.expectedpayments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.db.PgPools;
import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import dev.billpay.reconciliation.ExpectedPaymentLedger;
import dev.billpay.reconciliation.ExpectedPaymentLedger.Allocation;
import dev.billpay.reconciliation.matching.Expectation;
import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.webhooks.WebhookReceiver;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger the bank file import reconciles through, driven directly with allocations as the matching engine
 * makes them, in transactions on the gateway's pool. Windows lie decades ahead, so no other test's statement can
 * reach these expected payments, and the gateway's own overdue sweep (real time) never touches them.
 */
@DisplayName("Expected payments reconciled by bank transactions: partial, full, replay, tolerance, overdue, events")
class ExpectedPaymentReconciliationsIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_RECONCILIATION_TOLERANCE_MINOR", "100"));
  private static final Api api = new Api();
  private static final String PATH = "/v1/expected-payments";
  private static final LocalDate START = LocalDate.of(2091, 1, 10);
  private static final LocalDate END = LocalDate.of(2091, 1, 20);
  private static final String ACCOUNT = "GB33BUKB20201555555555";
  private static WebhookReceiver receiver;
  private static String endpointId;
  private static Pool pool;
  private static ExpectedPaymentLedger ledger;

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver();
    Api.Response endpoint = api.post(Api.DEV_KEY, "/v1/webhook-endpoints", new JsonObject()
        .put("url", receiver.url("/ok")).put("event_types", new JsonArray(List.of(
            "billpay.expected_payment.partially_reconciled", "billpay.expected_payment.reconciled"))));
    assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
    endpointId = endpoint.json().getString("id");
    pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    ledger = gateway.wiring().expectedPaymentLedger();
  }

  @AfterAll
  static void stop() throws Exception {
    api.send("DELETE", "/v1/webhook-endpoints/" + endpointId, Api.DEV_KEY, null, null);
    receiver.close();
    pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static JsonObject expect(long min, long max, LocalDate start, LocalDate end) {
    JsonObject body = new JsonObject().put("direction", "credit").put("currency", "USD")
        .put("date_window", new JsonObject().put("start", start.toString()).put("end", end.toString()))
        .put("counterparty", new JsonObject().put("name", "Northwind Traders").put("account_number", ACCOUNT));
    body = min == max ? body.put("amount_minor", min) : body.put("amount_min_minor", min).put("amount_max_minor", max);
    Api.Response r = api.post(Api.DEV_KEY, PATH, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static String expect(long amount) {
    return expect(amount, amount, START, END).getString("id");
  }

  private static JsonObject get(String id) {
    return api.get(Api.DEV_KEY, PATH + "/" + id).json();
  }

  private static Allocation allocation(String expectationId, long amount, String bankFileId, String locator) {
    BankTransaction t = new BankTransaction(locator, 3, Flow.CREDIT, Family.TRANSFER, amount, "USD",
        START.plusDays(2), "BANKREF-" + locator.length(), "", "", List.of(), "Northwind Traders", ACCOUNT, false,
        "PMNT/RCDT/ESCT");
    return new Allocation(expectationId, amount, bankFileId, t, "amount_date");
  }

  private static <T> T inTransaction(Function<io.vertx.sqlclient.SqlConnection, Future<T>> work) throws Exception {
    return pool.withTransaction(work).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void record(Allocation... allocations) throws Exception {
    inTransaction(conn -> ledger.record(conn, List.of(allocations), Instant.now()).map(v -> 0));
  }

  private static List<Expectation> open(LocalDate from, LocalDate to) throws Exception {
    return inTransaction(conn -> ledger.open(conn, from, to));
  }

  /** How many events of the expected payment the topic holds, read for a few seconds past the {@code known}. */
  private static int eventsOnTopic(String id, int known) {
    return Probes.topicEvents(Set.of(id), known + 1, Duration.ofSeconds(5)).size();
  }

  @Test
  @DisplayName("a partial then the rest: partially_reconciled, then reconciled with both transactions listed")
  void partialThenFull() throws Exception {
    String id = expect(10_000);
    String fileA = "bf_" + UUID.randomUUID().toString().replace("-", "");
    String fileB = "bf_" + UUID.randomUUID().toString().replace("-", "");
    Expectation seen = open(START, END).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    assertThat(seen.flow()).isEqualTo(Flow.CREDIT);
    assertThat(seen.minMinor()).isEqualTo(10_000);
    assertThat(seen.maxMinor()).isEqualTo(10_000);
    assertThat(seen.counterpartyAccount()).as("opened for the engine").isEqualTo(ACCOUNT);
    assertThat(seen.clientId()).isEqualTo(dev.billpay.clients.DevClient.CLIENT_ID);
    assertThat(seen.reconciledMinor()).isZero();

    Allocation first = allocation(id, 4_000, fileA, "line 14");
    record(first);
    JsonObject partial = get(id);
    assertThat(partial.getString("status")).isEqualTo("partially_reconciled");
    assertThat(partial.getLong("reconciled_amount_minor")).isEqualTo(4_000);
    assertThat(open(START, END).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow()
        .reconciledMinor()).isEqualTo(4_000);

    Allocation rest = allocation(id, 6_000, fileB, "Document/BkToCstmrStmt/Stmt[1]/Ntry[2]");
    record(rest);
    JsonObject full = get(id);
    assertThat(full.getString("status")).isEqualTo("reconciled");
    assertThat(full.getLong("reconciled_amount_minor")).isEqualTo(10_000);
    JsonArray transactions = full.getJsonArray("transactions");
    assertThat(transactions).hasSize(2);
    assertThat(transactions.getJsonObject(0).getString("bank_file_id")).isEqualTo(fileA);
    assertThat(transactions.getJsonObject(0).getString("locator")).isEqualTo("line 14");
    assertThat(transactions.getJsonObject(0).getLong("amount_minor")).isEqualTo(4_000);
    assertThat(transactions.getJsonObject(0).getString("value_date")).isEqualTo(START.plusDays(2).toString());
    assertThat(transactions.getJsonObject(0).getString("rule")).isEqualTo("amount_date");
    assertThat(transactions.getJsonObject(1).getString("locator")).isEqualTo("Document/BkToCstmrStmt/Stmt[1]/Ntry[2]");

    // the same bank files again: nothing recorded, nothing changed, no event
    record(first, rest);
    assertThat(get(id)).isEqualTo(full);
    assertThat(open(START, END)).extracting(Expectation::id).doesNotContain(id);
    assertThat(api.send("POST", PATH + "/" + id + "/archive", Api.DEV_KEY, null, null).status())
        .as("a reconciled one is not archived").isEqualTo(409);

    List<io.vertx.core.json.JsonObject> events = Probes.topicEvents(Set.of(id), 3, Duration.ofSeconds(30));
    assertThat(events).extracting(e -> e.getString("type")).containsExactly("billpay.expected_payment.created",
        "billpay.expected_payment.partially_reconciled", "billpay.expected_payment.reconciled");
    events.forEach(DocumentedEvents::assertMatchesItsExample);
    assertThat(events.get(2).getJsonObject("data").getJsonArray("transactions")).hasSize(2);
    assertThat(eventsOnTopic(id, 3)).as("nothing after the replay").isEqualTo(3);
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ?", id)).isEqualTo(3);

    Eventually.await(Duration.ofSeconds(60), "both webhooks", () -> receiver.received("/ok").stream()
        .filter(r -> new JsonObject(r.body()).getString("subject").equals(id)).count() == 2);
    assertThat(receiver.received("/ok").stream().map(r -> new JsonObject(r.body()))
        .filter(e -> e.getString("subject").equals(id)).map(e -> e.getString("type")))
        .containsExactlyInAnyOrder("billpay.expected_payment.partially_reconciled",
            "billpay.expected_payment.reconciled");
    Eventually.await(Duration.ofSeconds(60), "the history", () -> api.get(Api.DEV_KEY, PATH + "/" + id + "/events")
        .json().getJsonArray("data").size() == 3);
  }

  @Test
  @DisplayName("within the configured tolerance by one minor unit reconciles; outside by one is partial")
  void toleranceEdges() throws Exception {
    String inside = expect(10_000);
    String outside = expect(10_000);
    String range = expect(5_000, 6_000, START, END).getString("id");
    String file = "bf_" + UUID.randomUUID().toString().replace("-", "");
    record(allocation(inside, 9_900, file, "line 1"), allocation(outside, 9_899, file, "line 2"),
        allocation(range, 6_100, file, "line 3"));
    assertThat(get(inside).getString("status")).isEqualTo("reconciled");
    assertThat(get(outside).getString("status")).isEqualTo("partially_reconciled");
    assertThat(get(outside).getLong("reconciled_amount_minor")).isEqualTo(9_899);
    assertThat(get(range).getString("status")).isEqualTo("reconciled");
    record(allocation(outside, 1, file, "line 4"));
    assertThat(get(outside).getString("status")).as("one more unit").isEqualTo("reconciled");
  }

  @Test
  @DisplayName("archived and reconciled ones are not open, and an allocation never touches what it does not name")
  void onlyOpenAndNamed() throws Exception {
    String archived = expect(3_000);
    String reconciled = expect(3_000);
    String untouched = expect(3_000);
    String named = expect(3_000);
    assertThat(api.send("POST", PATH + "/" + archived + "/archive", Api.DEV_KEY, null, null).status()).isEqualTo(200);
    String file = "bf_" + UUID.randomUUID().toString().replace("-", "");
    record(allocation(reconciled, 3_000, file, "line 1"));
    JsonObject before = get(untouched);

    assertThat(open(START, END)).extracting(Expectation::id).contains(untouched, named)
        .doesNotContain(archived, reconciled);
    assertThat(open(END.plusDays(1), END.plusDays(30))).extracting(Expectation::id).doesNotContain(untouched);

    record(allocation(named, 1_000, file, "line 2"), allocation(archived, 3_000, file, "line 3"));
    assertThat(get(untouched)).isEqualTo(before);
    assertThat(get(named).getString("status")).isEqualTo("partially_reconciled");
    JsonObject stillArchived = get(archived);
    assertThat(stillArchived.getString("status")).isEqualTo("archived");
    assertThat(stillArchived.getLong("reconciled_amount_minor")).isZero();
    assertThat(stillArchived.getJsonArray("transactions")).isEmpty();
  }

  @Test
  @DisplayName("the sweep on a clock past the window end marks it overdue once; it can still be reconciled later")
  void overdueByInjectedTime() throws Exception {
    // a window of its own, two years before the others, so this sweep's clock leaves the rest alone
    LocalDate end = LocalDate.of(2089, 3, 5);
    String id = expect(2_500, 2_500, end.minusDays(4), end).getString("id");
    OverdueSweep onTheLastDay = gateway.wiring().withClock(Clock.fixed(end.atTime(23, 59, 59)
        .toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).overdueSweep();
    OverdueSweep dayAfter = gateway.wiring().withClock(Clock.fixed(end.plusDays(1).atStartOfDay()
        .toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).overdueSweep();
    onTheLastDay.run().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(get(id).getString("status")).isEqualTo("unreconciled");
    dayAfter.run().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(get(id).getString("status")).isEqualTo("overdue");
    dayAfter.run().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    String file = "bf_" + UUID.randomUUID().toString().replace("-", "");
    record(allocation(id, 1_000, file, "line 1"));
    assertThat(get(id).getString("status")).as("short, so still overdue").isEqualTo("overdue");
    dayAfter.run().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    record(allocation(id, 1_500, file, "line 2"));
    assertThat(get(id).getString("status")).isEqualTo("reconciled");

    List<JsonObject> events = Probes.topicEvents(Set.of(id), 4, Duration.ofSeconds(30));
    assertThat(events).extracting(e -> e.getString("type")).containsExactly("billpay.expected_payment.created",
        "billpay.expected_payment.overdue", "billpay.expected_payment.partially_reconciled",
        "billpay.expected_payment.reconciled");
    DocumentedEvents.assertMatchesItsExample(events.get(1));
    assertThat(eventsOnTopic(id, 4)).as("overdue once").isEqualTo(4);
  }
}
