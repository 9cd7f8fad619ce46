package dev.billpay.returns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.ClearingEngine;
import dev.billpay.clearing.CutoffSchedule;
import dev.billpay.clearing.DirectoryTransmitter;
import dev.billpay.clearing.nacha.Batch;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Returns automation: R01/R09 re-presented at most twice, NOCs correct the account, return rates watched")
class ReturnsAutomationIT {
  /** Retries due the day they are scheduled, the scheduler quick, and debits paused over a threshold. */
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_SCHEDULING_POLL_INTERVAL_MS", "200",
      "BILLPAY_RETURNS_RETRY_DELAY_BANKING_DAYS", "0",
      "BILLPAY_RETURNS_PAUSE_DEBITS_OVER_THRESHOLD", "true"));
  private static final Api api = new Api();
  private static final String OPERATOR = SharedStack.ADMIN_TOKEN;
  private static final AtomicInteger MODIFIER = new AtomicInteger();

  /** A client of its own (return rates are per client), with a funding account and a payee. */
  private record Client(String id, String key, String account, String payee) {}

  private static Client newClient(String accountNumber) {
    JsonObject client = api.post(OPERATOR, "/admin/v1/clients", new JsonObject().put("name", "returns-"
        + UUID.randomUUID())).json();
    String key = api.post(OPERATOR, "/admin/v1/clients/" + client.getString("id") + "/keys", new JsonObject()).json()
        .getString("key");
    Api.Response account = api.post(key, "/v1/funding-accounts", new JsonObject().put("type", "us_bank_account")
        .put("holder_name", "Jane Doe").put("routing_number", "021000021").put("account_number", accountNumber)
        .put("account_type", "checking"));
    assertThat(account.status()).as(account.body()).isEqualTo(201);
    Api.Response payee = api.post(key, "/v1/payees", new JsonObject().put("display_name", "City Power & Light")
        .put("biller_id", "blr_citypower").put("account_number", "7700112233"));
    assertThat(payee.status()).as(payee.body()).isEqualTo(201);
    return new Client(client.getString("id"), key, account.json().getString("id"), payee.json().getString("id"));
  }

  private static String pay(Client c, long amount) {
    Api.Response r = api.post(c.key(), "/v1/payments", new JsonObject().put("funding_account_id", c.account())
        .put("payee_id", c.payee()).put("amount", amount).put("currency", "USD"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  private static JsonObject payment(Client c, String id) {
    return api.get(c.key(), "/v1/payments/" + id).json();
  }

  /**
   * Runs a cut-off through the operator API; the payment is then in a file. Each run writes a file, and
   * a day has only 36 file id modifiers for all the suite's files: tests here put many payments in one.
   */
  private static NachaFile clear(Client c, String paymentId) {
    return clear(List.of(new Paid(c, paymentId)));
  }

  /** A payment and its client. */
  private record Paid(Client client, String id) {
    JsonObject resource() {
      return payment(client, id);
    }

    String trace() {
      return resource().getString("trace_number");
    }
  }

  /** One cut-off for all the payments; they are then in one file. */
  private static NachaFile clear(List<Paid> paid) {
    Api.Response run = api.send("POST", "/v1/clearing-runs", OPERATOR, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    Set<String> files = new java.util.HashSet<>();
    for (Paid p : paid) {
      JsonObject resource = p.resource();
      assertThat(resource.getString("status")).as(resource.encode()).isEqualTo("submitted");
      files.add(resource.getString("clearing_file_id"));
    }
    assertThat(files).hasSize(1);
    return file(files.iterator().next());
  }

  private static NachaFile file(String fileId) {
    Api.Response content = api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/content");
    assertThat(content.status()).isEqualTo(200);
    try {
      return NachaReader.read(new StringReader(content.body())).orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonObject upload(NachaFile returns) {
    Api.Response r = api.send("POST", "/v1/bank-files", OPERATOR, "text/plain", NachaWriter.write(returns));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getJsonObject("summary");
  }

  private static char modifier() {
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(MODIFIER.getAndIncrement() % 26);
  }

  private static JsonObject returnEntry(NachaFile file, String trace, String code) {
    return upload(new ReturnFileBuilder(file).returnEntry(trace, code).build(LocalDateTime.now(), modifier()));
  }

  private static String awaitPendingRetry(Client c, String first, int attempt) {
    String[] id = new String[1];
    Eventually.await(Duration.ofSeconds(30), "attempt " + attempt + " pending", () -> {
      JsonArray attempts = payment(c, first).getJsonArray("attempts");
      if (attempts == null || attempts.size() < attempt) {
        return false;
      }
      JsonObject a = attempts.getJsonObject(attempt - 1);
      id[0] = a.getString("payment_id");
      return "pending".equals(a.getString("status"));
    });
    return id[0];
  }

  private static ClearingEngine engine(Pool pool) {
    return dev.billpay.clearing.TestEngines.engine(gateway, pool,
        new DirectoryTransmitter(gateway.vertx(), gateway.config().clearing().transmitDir()));
  }

  /** The batch holding the entry with this trace number. */
  private static Batch batchOf(NachaFile file, String trace) {
    return file.batches().stream().filter(b -> b.entries().stream().anyMatch(e -> e.traceNumber().equals(trace)))
        .findFirst().orElseThrow();
  }

  private static EntryDetail entryOf(NachaFile file, String trace) {
    return file.entries().stream().filter(e -> e.traceNumber().equals(trace)).findFirst().orElseThrow();
  }

  private static long filesHolding(String trace) {
    return Probes.pgLong("SELECT count(*) FROM clearing_files WHERE content LIKE ?", "%" + trace + "%");
  }

  @Test
  @DisplayName("an R01/R09 debit is re-presented exactly twice as RETRY PYMT with the original's company and amount,"
      + " each retry one entry in one file under two racing clearing instances, and never a third time")
  void twoRetriesNeverAThird() throws Exception {
    Client c = newClient("000777000111");
    String first = pay(c, 4242);
    NachaFile original = clear(c, first);
    String firstTrace = payment(c, first).getString("trace_number");
    Batch originalBatch = batchOf(original, firstTrace);

    JsonObject summary = returnEntry(original, firstTrace, "R01");
    assertThat(summary.getInteger("returned")).isEqualTo(1);
    assertThat(summary.getInteger("retries_scheduled")).isEqualTo(1);
    JsonObject returned = payment(c, first);
    assertThat(returned.getString("status")).isEqualTo("returned");
    assertThat(returned.getInteger("attempt")).isEqualTo(1);
    String second = awaitPendingRetry(c, first, 2);
    JsonObject retry = payment(c, second);
    assertThat(retry.getString("retry_of")).isEqualTo(first);
    assertThat(retry.getInteger("attempt")).isEqualTo(2);
    assertThat(retry.getLong("amount")).isEqualTo(4242);
    assertThat(retry.getJsonArray("attempts")).isEqualTo(payment(c, first).getJsonArray("attempts"));
    List<JsonObject> scheduled = Probes.topicEvents(Set.of(second), 2, Duration.ofSeconds(30));
    assertThat(scheduled).extracting(e -> e.getString("type"))
        .containsExactly("billpay.payment.retry_scheduled", "billpay.payment.pending");
    DocumentedEvents.assertMatchesItsExample(scheduled.get(0));

    // two clearing instances race over the same and over another cut-off: the retry goes out once
    Pool poolA = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Pool poolB = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant cutoff = Instant.now();
    Instant other = cutoff.plusMillis(1);
    Future.all(List.of(engine(poolA).run(cutoff, cutoff), engine(poolB).run(cutoff, cutoff),
            engine(poolA).run(other, other), engine(poolB).run(other, other)))
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    poolA.close();
    poolB.close();
    JsonObject submitted = payment(c, second);
    assertThat(submitted.getString("status")).isEqualTo("submitted");
    String secondTrace = submitted.getString("trace_number");
    assertThat(filesHolding(secondTrace)).as("the retry's entry is in one file").isEqualTo(1);
    NachaFile retryFile = file(submitted.getString("clearing_file_id"));
    Batch retryBatch = batchOf(retryFile, secondTrace);
    assertThat(retryBatch.entries()).extracting(EntryDetail::traceNumber).containsOnlyOnce(secondTrace);
    assertThat(retryBatch.header().entryDescription().trim()).isEqualTo("RETRY PYMT");
    assertThat(retryBatch.header().companyName()).isEqualTo(originalBatch.header().companyName());
    assertThat(retryBatch.header().companyId()).isEqualTo(originalBatch.header().companyId());
    assertThat(entryOf(retryFile, secondTrace).amountCents()).isEqualTo(4242);
    for (Batch batch : retryFile.batches()) {
      boolean retries = batch.header().entryDescription().trim().equals("RETRY PYMT");
      for (EntryDetail e : batch.entries()) {
        if (e.transactionCode().isDebit()) {
          assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE trace_number = ? AND attempt > 1",
              e.traceNumber())).as("only reinitiations travel as RETRY PYMT").isEqualTo(retries ? 1 : 0);
        }
      }
    }

    // the first retry comes back R09: the second and last retry
    assertThat(returnEntry(retryFile, secondTrace, "R09").getInteger("retries_scheduled")).isEqualTo(1);
    String third = awaitPendingRetry(c, first, 3);
    NachaFile thirdFile = clear(c, third);
    String thirdTrace = payment(c, third).getString("trace_number");
    assertThat(filesHolding(thirdTrace)).isEqualTo(1);
    assertThat(batchOf(thirdFile, thirdTrace).header().entryDescription().trim()).isEqualTo("RETRY PYMT");

    // and it comes back R01 too: no third retry, ever
    assertThat(returnEntry(thirdFile, thirdTrace, "R01").getInteger("retries_scheduled")).isZero();
    JsonArray attempts = payment(c, first).getJsonArray("attempts");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.stream().map(a -> ((JsonObject) a).getString("status"))).containsOnly("returned");
    assertThat(attempts.stream().map(a -> ((JsonObject) a).getString("return_code")))
        .containsExactly("R01", "R09", "R01");
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE retry_of = ?", first)).isEqualTo(2);
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE (id = ? OR retry_of = ?) AND status = 'settled'",
        first, first)).as("none of the attempts settled, the original never twice").isZero();
  }

  @Test
  @DisplayName("no retry for a return code other than R01/R09, nor once 180 days have passed since the original settled")
  void noRetryForOtherCodesOrAfter180Days() {
    List<String> codes = List.of("R08", "R02", "R10", "R16", "R01");
    List<Paid> paid = new java.util.ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      Client c = newClient("00077700022" + i);
      paid.add(new Paid(c, pay(c, 1500 + i)));
    }
    NachaFile file = clear(paid);
    Paid late = paid.get(codes.size() - 1);
    // the R01's original settled 181 days back: a reinitiation would settle outside the window
    assertThat(Probes.pgLong("WITH u AS (UPDATE payments SET effective_date = current_date - 181 WHERE id = ?"
        + " RETURNING 1) SELECT count(*) FROM u", late.id())).isEqualTo(1);
    ReturnFileBuilder returns = new ReturnFileBuilder(file);
    for (int i = 0; i < codes.size(); i++) {
      returns.returnEntry(paid.get(i).trace(), codes.get(i));
    }
    JsonObject summary = upload(returns.build(LocalDateTime.now(), modifier()));
    assertThat(summary.getInteger("returned")).isEqualTo(codes.size());
    assertThat(summary.getInteger("retries_scheduled")).isZero();
    for (int i = 0; i < codes.size(); i++) {
      JsonObject p = paid.get(i).resource();
      assertThat(p.getString("return_code")).isEqualTo(codes.get(i));
      assertThat(p.containsKey("attempts")).as(codes.get(i) + ": never re-presented").isFalse();
      assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE retry_of = ?", paid.get(i).id())).isZero();
    }
  }

  /** One NOC: the code, its corrected data, and what the account must then show. */
  private record Noc(String code, String data, String routing, String last4, String type, String number,
      String transactionCode) {}

  @Test
  @DisplayName("each NOC change code corrects exactly its fields, audited and published, and the next file uses the"
      + " corrected data")
  void nocsCorrectTheAccount() {
    List<Noc> nocs = List.of(
        new Noc("C01", "000999111222", "021000021", "1222", "checking", "000999111222", "27"),
        new Noc("C02", "026009593", "026009593", "0111", "checking", "000888000111", "27"),
        new Noc("C03", "026009593   000999333444", "026009593", "3444", "checking", "000999333444", "27"),
        new Noc("C05", "37", "021000021", "0111", "savings", "000888000111", "37"),
        new Noc("C06", String.format("%-17s   %s", "000999555666", "37"), "021000021", "5666", "savings", "000999555666", "37"),
        new Noc("C07", String.format("%s%-17s%s", "026009593", "000999777888", "37"), "026009593", "7888", "savings", "000999777888", "37"));
    List<Paid> paid = new java.util.ArrayList<>();
    for (Noc noc : nocs) {
      Client c = newClient("000888000111");
      paid.add(new Paid(c, pay(c, 2100)));
    }
    NachaFile file = clear(paid);
    ReturnFileBuilder notifications = new ReturnFileBuilder(file);
    for (int i = 0; i < nocs.size(); i++) {
      notifications.notifyChange(paid.get(i).trace(), nocs.get(i).code(), String.format("%-29s", nocs.get(i).data()));
    }
    JsonObject summary = upload(notifications.build(LocalDateTime.now(), modifier()));
    assertThat(summary.getInteger("corrections")).isEqualTo(nocs.size());
    assertThat(summary.getInteger("accounts_corrected")).isEqualTo(nocs.size());
    assertThat(summary.getInteger("exceptions")).as("each still recorded for a person").isEqualTo(nocs.size());

    List<Paid> next = new java.util.ArrayList<>();
    for (int i = 0; i < nocs.size(); i++) {
      Noc noc = nocs.get(i);
      Client c = paid.get(i).client();
      JsonObject account = api.get(c.key(), "/v1/funding-accounts/" + c.account()).json();
      assertThat(account.getString("routing_number")).as(noc.code()).isEqualTo(noc.routing());
      assertThat(account.getString("account_number_last4")).as(noc.code()).isEqualTo(noc.last4());
      assertThat(account.getString("account_type")).as(noc.code()).isEqualTo(noc.type());
      assertThat(account.getString("status")).isEqualTo("active");
      assertThat(Probes.pgLong("SELECT count(*) FROM funding_account_changes WHERE funding_account_id = ?"
          + " AND change_code = ? AND source = 'noc' AND source_reference LIKE 'bank file bf_%'"
          + " AND old_number_last4 = '0111' AND new_number_last4 = ?",
          c.account(), noc.code(), noc.last4())).as(noc.code() + " audited").isEqualTo(1);
      List<JsonObject> events = Probes.topicEvents(Set.of(c.account()), 1, Duration.ofSeconds(30));
      assertThat(events).extracting(e -> e.getString("type")).containsExactly("billpay.funding_account.updated");
      DocumentedEvents.assertMatchesItsExample(events.get(0));
      next.add(new Paid(c, pay(c, 2200)));
    }

    // the next debit of each account goes out with the corrected routing, number and transaction code
    NachaFile nextFile = clear(next);
    for (int i = 0; i < nocs.size(); i++) {
      Noc noc = nocs.get(i);
      EntryDetail entry = entryOf(nextFile, next.get(i).trace());
      assertThat(entry.rdfiRouting()).as(noc.code()).isEqualTo(noc.routing());
      assertThat(entry.accountNumber().trim()).as(noc.code()).isEqualTo(noc.number());
      assertThat(entry.transactionCode().code()).as(noc.code()).isEqualTo(noc.transactionCode());
    }
  }

  @Test
  @DisplayName("a client over the unauthorized and overall return rates gets a gauge, one event per threshold crossed,"
      + " and 422 return-rate-exceeded for new debits while paused")
  void returnRates() {
    Client c = newClient("000666000111");
    String a = pay(c, 1000);
    String b = pay(c, 1100);
    NachaFile file = clear(List.of(new Paid(c, a), new Paid(c, b)));
    returnEntry(file, payment(c, a).getString("trace_number"), "R10");
    List<JsonObject> events = Probes.topicEvents(Set.of(c.id()), 2, Duration.ofSeconds(30));
    assertThat(events).extracting(e -> e.getString("type")).containsOnly("billpay.client.return_rate_exceeded");
    assertThat(events).extracting(e -> e.getJsonObject("data").getString("category"))
        .containsExactlyInAnyOrder("unauthorized", "overall");
    events.forEach(DocumentedEvents::assertMatchesItsExample);
    assertThat(events.get(0).getJsonObject("data").getDouble("rate")).isEqualTo(0.5);
    assertThat(api.get(null, "/metrics").body()).contains("billpay_client_return_rate{category=\"unauthorized\",client=\""
        + c.id() + "\"} 0.5");
    Api.Response refused = api.post(c.key(), "/v1/payments", new JsonObject().put("funding_account_id", c.account())
        .put("payee_id", c.payee()).put("amount", 100).put("currency", "USD"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().getString("type")).endsWith("/return-rate-exceeded");
  }
}
