package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.reconciliation.bai2.Bai2Statement;
import dev.billpay.reconciliation.bai2.FundsType;
import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Plan → occurrence → cut-off → NACHA file → return file → BAI2 statement → report, end to end")
class ClearingEndToEndIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_SCHEDULING_POLL_INTERVAL_MS", "200"));
  private static final Api api = new Api();
  private static final String OPERATOR = SharedStack.ADMIN_TOKEN;

  private static Api.Response upload(String content) {
    return api.send("POST", "/v1/bank-files", OPERATOR, "text/plain", content);
  }

  private static String payment(String fundingAccount, String payee, long amount) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", new JsonObject().put("funding_account_id", fundingAccount)
        .put("payee_id", payee).put("amount", amount).put("currency", "USD"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  @Test
  @DisplayName("every payment ends settled or returned, each step is an event in Kafka and Cassandra, report totals equal the file totals")
  void endToEnd() throws Exception {
    String closing = Fixtures.createFundingAccount(Api.DEV_KEY, "000555000111");
    String healthy = Fixtures.createFundingAccount(Api.DEV_KEY, "000555000222");
    String payee = Fixtures.devPayee();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Api.Response plan = api.send("POST", "/v1/payment-plans", Api.DEV_KEY, "application/json", new JsonObject()
        .put("funding_account_id", healthy).put("payee_id", payee).put("amount", 7300).put("currency", "USD")
        .put("frequency", "once").put("start_date", today.toString()).put("time_zone", "UTC").encode(),
        UUID.randomUUID().toString());
    assertThat(plan.status()).as(plan.body()).isEqualTo(201);
    String planId = plan.json().getString("id");
    Eventually.await(Duration.ofSeconds(30), "the plan's occurrence pending", () -> Probes.pgLong(
        "SELECT count(*) FROM payments WHERE plan_id = ? AND status = 'pending'", planId) == 1);
    String fromPlan = api.get(Api.DEV_KEY, "/v1/payments?status=pending&limit=100").json().getJsonArray("data")
        .stream().map(JsonObject.class::cast).filter(p -> planId.equals(p.getString("plan_id"))).findFirst()
        .orElseThrow().getString("id");

    Api.Response iban = api.post(Api.DEV_KEY, "/v1/funding-accounts", new JsonObject().put("type", "iban")
        .put("holder_name", "Erika Mustermann").put("iban", "DE89 3704 0044 0532 0130 00"));
    assertThat(iban.status()).as(iban.body()).isEqualTo(201);
    String cannotClear = payment(iban.json().getString("id"), payee, 8800);
    String toReturnClosed = payment(closing, payee, 4100);
    String toReturnNsf = payment(healthy, payee, 5200);
    List<String> toSettle = List.of(fromPlan, payment(healthy, payee, 6300), payment(healthy, payee, 7400));
    List<String> ours = new ArrayList<>(toSettle);
    ours.add(toReturnClosed);
    ours.add(toReturnNsf);

    // the cut-off: one run, our payments submitted into files with trace numbers
    Api.Response run = api.send("POST", "/v1/clearing-runs", OPERATOR, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    assertThat(run.json().getBoolean("ran")).isTrue();
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + cannotClear).json().getString("status"))
        .as("an IBAN account cannot be debited by ACH: the execution check fails it").isEqualTo("failed");
    Map<String, String> traceOf = new HashMap<>();
    Set<String> fileIds = new HashSet<>();
    for (String id : ours) {
      JsonObject p = api.get(Api.DEV_KEY, "/v1/payments/" + id).json();
      assertThat(p.getString("status")).as(id).isEqualTo("submitted");
      traceOf.put(id, p.getString("trace_number"));
      fileIds.add(p.getString("clearing_file_id"));
    }
    List<NachaFile> files = new ArrayList<>();
    for (String fileId : fileIds) {
      Api.Response content = api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/content");
      assertThat(content.status()).isEqualTo(200);
      files.add(NachaReader.read(new StringReader(content.body())).orElseThrow());
    }
    assertThat(files).hasSize(1);
    NachaFile file = files.get(0);
    String fileId = fileIds.iterator().next();
    JsonObject fileJson = api.get(OPERATOR, "/v1/clearing-files/" + fileId).json();

    // the bank returns two entries: R02 (account closed: blocks the account) and R01
    String returns = NachaWriter.write(new ReturnFileBuilder(file).returnEntry(traceOf.get(toReturnClosed), "R02")
        .returnEntry(traceOf.get(toReturnNsf), "R01").build(LocalDateTime.now(), 'A'));
    Api.Response imported = upload(returns);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().getJsonObject("summary").getInteger("returned")).isEqualTo(2);
    assertThat(imported.json().getJsonObject("summary").getInteger("accounts_blocked")).isEqualTo(1);
    Api.Response again = upload(returns);
    assertThat(again.status()).as("the same file again changes nothing").isEqualTo(200);
    assertThat(again.json().getString("id")).isEqualTo(imported.json().getString("id"));
    JsonObject returned = api.get(Api.DEV_KEY, "/v1/payments/" + toReturnClosed).json();
    assertThat(returned.getString("status")).isEqualTo("returned");
    assertThat(returned.getString("return_code")).isEqualTo("R02");
    assertThat(returned.getString("return_reason")).isEqualTo("Account Closed");
    Api.Response blocked = api.post(Api.DEV_KEY, "/v1/payments", new JsonObject().put("funding_account_id", closing)
        .put("payee_id", payee).put("amount", 100).put("currency", "USD"));
    assertThat(blocked.status()).isEqualTo(422);
    assertThat(blocked.json().getString("type")).endsWith("/funding-account-blocked");
    List<JsonObject> blockedEvents = Probes.topicEvents(Set.of(closing), 1, Duration.ofSeconds(30));
    assertThat(blockedEvents).extracting(e -> e.getString("type")).containsExactly("billpay.funding_account.blocked");
    DocumentedEvents.assertMatchesItsExample(blockedEvents.get(0));

    // the statement: the ACH settlement credit of the file's total on its effective date settles the rest
    LocalDate effective = LocalDate.parse(fileJson.getString("effective_date"));
    String statement = AchSettlementStatement.of(effective, fileJson.getLong("total_debit"),
        new Bai2Statement.Entry("195", 99_99, FundsType.IMMEDIATE, "WIRE1", "", "NOBODY EXPECTS THIS"),
        // a credit naming a payment the settlement credit above settles: an exception, not a failed import
        new Bai2Statement.Entry("195", 6300, FundsType.IMMEDIATE, "WIRE2", "", "FOR " + toSettle.get(1)));
    Api.Response settled = upload(statement);
    assertThat(settled.status()).as(settled.body()).isEqualTo(201);
    assertThat(settled.json().getJsonObject("summary").getInteger("clearing_files_settled")).isEqualTo(1);
    assertThat(settled.json().getJsonObject("summary").getInteger("exceptions")).isEqualTo(2);
    for (String id : toSettle) {
      assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status")).as(id).isEqualTo("settled");
    }
    String metrics = api.get(null, "/metrics").body();
    assertThat(metrics).contains("billpay_clearing_files_total", "billpay_clearing_entries_total",
        "billpay_bank_files_imported_total{kind=\"bai2_statement\"}", "billpay_reconciliation_exceptions_total");

    // later the payer disputes one settled debit: a late R10 return reverses the settlement
    String disputed = toSettle.get(2);
    Api.Response lateReturn = upload(NachaWriter.write(new ReturnFileBuilder(file)
        .returnEntry(traceOf.get(disputed), "R10").build(LocalDateTime.now(), 'B')));
    assertThat(lateReturn.status()).as(lateReturn.body()).isEqualTo(201);
    assertThat(lateReturn.json().getJsonObject("summary").getInteger("returned")).isEqualTo(1);
    assertThat(lateReturn.json().getJsonObject("summary").getInteger("accounts_blocked")).isEqualTo(1);
    JsonObject reversed = api.get(Api.DEV_KEY, "/v1/payments/" + disputed).json();
    assertThat(reversed.getString("status")).isEqualTo("returned");
    assertThat(reversed.getString("return_code")).isEqualTo("R10");

    // every step an event in Kafka, and in Cassandra
    ours.add(cannotClear);
    List<JsonObject> events = Probes.topicEvents(new HashSet<>(ours), 4 + 4 * 3 + 2 + 1, Duration.ofSeconds(60));
    Map<String, List<String>> typesByPayment = new HashMap<>();
    events.forEach(e -> typesByPayment.computeIfAbsent(e.getString("subject"), k -> new ArrayList<>())
        .add(e.getString("type").substring("billpay.payment.".length())));
    assertThat(typesByPayment.get(fromPlan)).containsExactly("scheduled", "pending", "submitted", "settled");
    assertThat(typesByPayment.get(toReturnClosed)).containsExactly("created", "submitted", "returned");
    assertThat(typesByPayment.get(toSettle.get(1))).containsExactly("created", "submitted", "settled");
    assertThat(typesByPayment.get(disputed)).containsExactly("created", "submitted", "settled", "returned");
    assertThat(typesByPayment.get(cannotClear)).containsExactly("created", "failed");
    for (JsonObject e : events) {
      DocumentedEvents.assertMatchesItsExample(e);
    }
    Eventually.await(Duration.ofSeconds(60), "every step in Cassandra", () -> ours.stream()
        .allMatch(id -> Probes.cassandraEvents(id) == typesByPayment.get(id).size()));

    // the report of the file's day: settled + returned = the file's total, nothing outstanding
    JsonObject report = api.get(OPERATOR, "/v1/reconciliation/reports/" + fileJson.getString("file_date")).json();
    JsonObject ourFile = report.getJsonObject("clearing_files").getJsonArray("files").stream()
        .map(JsonObject.class::cast).filter(f -> f.getString("id").equals(fileId)).findFirst().orElseThrow();
    assertThat(ourFile.getJsonObject("settled").getLong("amount") + ourFile.getJsonObject("returned").getLong("amount"))
        .isEqualTo(fileJson.getLong("total_debit"));
    assertThat(ourFile.getJsonObject("returned").getLong("amount")).isEqualTo(4100 + 5200 + 7400);
    assertThat(ourFile.getJsonObject("outstanding").getLong("count")).isZero();
    JsonObject totals = report.getJsonObject("clearing_files");
    assertThat(totals.getJsonObject("settled").getLong("amount") + totals.getJsonObject("returned").getLong("amount")
        + totals.getJsonObject("outstanding").getLong("amount")).isEqualTo(totals.getLong("total_debit"));

    // the unexpected wire is an exception; resolving it is audited, and only once
    JsonObject exception = api.get(OPERATOR, "/v1/reconciliation/exceptions?status=open&limit=100").json()
        .getJsonArray("data").stream().map(JsonObject.class::cast)
        .filter(x -> x.getString("bank_file_id").equals(settled.json().getString("id")))
        .filter(x -> x.getLong("amount") == 99_99L).findFirst().orElseThrow();
    assertThat(exception.getString("reason")).isEqualTo("unmatched_credit");
    assertThat(exception.getLong("amount")).isEqualTo(9999L);
    JsonObject resolution = new JsonObject().put("resolution", "refunded").put("resolved_by", "ops@example.com")
        .put("note", "sent back to the remitter");
    Api.Response resolved = api.send("POST", "/v1/reconciliation/exceptions/" + exception.getString("id") + "/resolve",
        OPERATOR, "application/json", resolution.encode());
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().getString("resolved_by")).isEqualTo("ops@example.com");
    assertThat(resolved.json().getString("resolved_at")).isNotNull();
    assertThat(api.send("POST", "/v1/reconciliation/exceptions/" + exception.getString("id") + "/resolve",
        OPERATOR, "application/json", resolution.encode()).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("a malformed bank file is rejected whole, with its problems by line; a client's key cannot upload")
  void malformed() {
    Api.Response r = upload("01,BANK,BILLPAY,261125,2359,1,80,,2/\n02,BILLPAY,BANK,1,261125,2359,USD,2/\n"
        + "03,000123456789,USD/\n16,166,12x00,0,REF,,TEXT/\n49,1200,3/\n98,1200,1,5/\n99,1200,1,7/\n");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).endsWith("/bank-file-invalid");
    JsonArray errors = r.json().getJsonArray("errors");
    assertThat(errors.getJsonObject(0).getString("field")).startsWith("line 4");
    assertThat(api.send("POST", "/v1/bank-files", Api.DEV_KEY, "text/plain", "x").status()).isEqualTo(401);
    assertThat(upload("hello\n").status()).isEqualTo(422);
  }

  @Test
  @DisplayName("a 100,000-line statement is streamed to disk and parsed off the event loop; the same file again is a no-op")
  void largeStatement() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("statement-", ".bai");
    int transactions = 99_993; // + 01, 02, 03, 49, 98, 99 and the date line make 100,000 lines
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    String date = day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
    try (var out = java.nio.file.Files.newBufferedWriter(file)) {
      out.write("01,BANK,BILLPAY," + date + ",2359,LARGE" + UUID.randomUUID().toString().substring(0, 8)
          + ",80,,2/\n");
      out.write("02,BILLPAY,BANK,1," + date + ",2359,USD,2/\n");
      out.write("03,000123456789,USD,010,0,,/\n");
      for (int i = 0; i < transactions; i++) {
        // information-only lines (890, no amount): parsed, counted, nothing to match
        out.write("16,890,0,0,REF" + i + ",,BALANCE INFORMATION " + i + "\n");
      }
      int accountRecords = transactions + 2;
      out.write("49,0," + accountRecords + "/\n");
      out.write("98,0,1," + (accountRecords + 2) + "/\n");
      out.write("99,0,1," + (accountRecords + 4) + "/\n");
    }
    assertThat(java.nio.file.Files.readAllLines(file)).hasSize(transactions + 6);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + SharedStack.HTTP_PORT + "/v1/bank-files"))
        .header("Authorization", "Bearer " + OPERATOR).header("Content-Type", "application/octet-stream")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(file)).build();
    var first = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonObject imported = new JsonObject(first.body());
    assertThat(imported.getInteger("line_count")).isEqualTo(transactions + 6);
    assertThat(imported.getJsonObject("summary").getInteger("transactions")).isEqualTo(transactions);
    var second = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(second.body()).getString("id")).isEqualTo(imported.getString("id"));
    java.nio.file.Files.delete(file);
  }
}
