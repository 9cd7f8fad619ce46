package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Clearing engine: one leader per cut-off, each payment in exactly one NACHA file")
class ClearingIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  private static ClearingEngine engine(Pool pool) {
    return engine(pool, new DirectoryTransmitter(gateway.vertx(), gateway.config().clearing().transmitDir()));
  }

  private static ClearingEngine engine(Pool pool, Transmitter transmitter) {
    return TestEngines.engine(gateway, pool, transmitter);
  }

  private static ClearingEngine engine(Pool pool, Transmitter transmitter,
      Predicate<String> achParticipant) {
    return TestEngines.engine(gateway, pool, CutoffSchedule.of(gateway.config().clearing(),
        BankingCalendar.federalReserve()), transmitter, achParticipant);
  }

  private static SettlementSweep sweep(Pool pool) {
    var c = gateway.config().clearing();
    return new SettlementSweep(pool, new PaymentTransitions(),
        BankingCalendar.federalReserve(), c.zone(), c.settlementDays());
  }

  /** Sweeps until nothing is left (it works in batches). */
  private static void sweepAll(SettlementSweep sweep, Instant at) throws Exception {
    while (await(sweep.run(at)) > 0) {
      // next batch
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String status(String paymentId) {
    return api.get(Api.DEV_KEY, "/v1/payments/" + paymentId).json().getString("status");
  }

  @Test
  @DisplayName("two engines racing over the same and over different cut-offs put each of 300 payments in one file, once")
  void twoInstances() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(1000 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
    }
    Pool poolA = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Pool poolB = PgPools.shared(gateway.vertx(), gateway.config().pg());
    ClearingEngine a = engine(poolA);
    ClearingEngine b = engine(poolB);
    Instant cutoff = Instant.now();
    Instant other = cutoff.plusMillis(1);
    List<ClearingEngine.RunResult> results = Future.all(List.of(a.run(cutoff, cutoff), b.run(cutoff, cutoff),
            a.run(other, other), b.run(other, other))).map(all -> all.<ClearingEngine.RunResult>list())
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    assertThat(results.stream().filter(r -> r.ran() && !r.files().isEmpty()).count())
        .as("one run wrote the files").isGreaterThanOrEqualTo(1);
    assertThat(results.stream().filter(r -> r.ran()).map(r -> r.files().size()).reduce(0, Integer::sum))
        .isPositive();

    String[] idArray = ids.toArray(String[]::new);
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE id = ANY(?) AND status = 'submitted'"
        + " AND trace_number IS NOT NULL AND clearing_file_id IS NOT NULL", (Object) idArray)).isEqualTo(300);
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ANY(?)"
        + " AND payload LIKE '%\"billpay.payment.submitted\"%'", (Object) idArray)).as("one submitted event each")
        .isEqualTo(300);

    // every stored file parses, and together the files hold each of our payments' traces exactly once
    Set<String> traces = new HashSet<>();
    int ours = 0;
    Set<String> ourTraces = new HashSet<>();
    for (String id : ids) {
      ourTraces.add(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("trace_number"));
    }
    for (ClearingEngine.RunResult r : results) {
      for (ClearingFile f : r.files()) {
        String content = poolA.preparedQuery("SELECT content FROM clearing_files WHERE id = $1")
            .execute(io.vertx.sqlclient.Tuple.of(f.id())).map(rows -> rows.iterator().next().getString(0))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        NachaFile file = NachaReader.read(new StringReader(content)).orElseThrow();
        assertThat(file.control().totalDebitCents()).isEqualTo(f.totalDebit());
        assertThat(content.lines().count() % 10).isZero();
        for (EntryDetail e : file.entries()) {
          assertThat(traces.add(e.traceNumber())).as("trace " + e.traceNumber() + " in one file only").isTrue();
          if (ourTraces.contains(e.traceNumber())) {
            ours++;
          }
        }
      }
    }
    assertThat(ours).isEqualTo(300);
    poolA.close();
    poolB.close();
  }

  @Test
  @DisplayName("clearing files are operator data: the admin token lists them, a client's API key gets 401")
  void operatorOnly() {
    Api.Response asClient = api.get(Api.DEV_KEY, "/v1/clearing-files");
    assertThat(asClient.status()).isEqualTo(401);
    assertThat(asClient.header("Content-Type")).startsWith("application/problem+json");
    Api.Response asOperator = api.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files?limit=5");
    assertThat(asOperator.status()).as(asOperator.body()).isEqualTo(200);
    assertThat(asOperator.json().getString("object")).isEqualTo("list");
    assertThat(api.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/cf_nope").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a due payment from an account at a bank the FedACH directory no longer lists fails at the cut-off; the others are sent")
  void bankLeftTheDirectory() throws Exception {
    String leaving = "026009593";
    Api.Response account = api.post(Api.DEV_KEY, "/v1/funding-accounts",
        Fixtures.usAccount("000555666777").put("routing_number", leaving));
    String refused = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(6611)
        .put("funding_account_id", account.json().getString("id"))).json().getString("id");
    String sent = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(6622)).json().getString("id");
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant now = Instant.now();

    ClearingEngine.RunResult result = await(engine(pool, new DirectoryTransmitter(gateway.vertx(),
        gateway.config().clearing().transmitDir()), routingNumber -> !leaving.equals(routingNumber)).run(now, now));

    assertThat(result.failed()).isGreaterThanOrEqualTo(1);
    assertThat(status(refused)).isEqualTo("failed");
    assertThat(status(sent)).isEqualTo("submitted");
    pool.close();
  }

  @Test
  @DisplayName("a submitted payment that no return reaches within the settlement window settles by itself, with its event")
  void settlesAfterTheWindow() throws Exception {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(4321));
    String id = r.json().getString("id");
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant now = Instant.now();
    engine(pool).run(now, now).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status")).isEqualTo("submitted");
    SettlementSweep sweep = sweep(pool);
    sweep.run(now).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status"))
        .as("inside the window nothing settles").isEqualTo("submitted");
    // ten days on, the window has passed: sweep until nothing is left (it works in batches)
    sweepAll(sweep, now.plus(java.time.Duration.ofDays(10)));
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status")).isEqualTo("settled");
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ? AND payload LIKE"
        + " '%\"billpay.payment.settled\"%'", id)).isEqualTo(1);
    pool.close();
  }

  @Test
  @DisplayName("a failed hand-over leaves the bank's outcome unknown: payments need review, the window does not settle them, the bank's statement does")
  void failedHandOver() throws Exception {
    List<String> ids = List.of(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(5511)).json().getString("id"),
        api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(5522)).json().getString("id"));
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant now = Instant.now();
    ClearingEngine.RunResult run = await(engine(pool, (file, content) ->
        Future.failedFuture("connection reset after the upload started")).run(now, now));
    assertThat(run.ran()).isTrue();
    String fileId = api.get(Api.DEV_KEY, "/v1/payments/" + ids.get(0)).json().getString("clearing_file_id");
    JsonObject file = api.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/" + fileId).json();
    assertThat(file.getString("status")).isEqualTo("transmission_unknown");
    for (String id : ids) {
      assertThat(status(id)).as(id).isEqualTo("needs_review");
    }
    List<JsonObject> events = Probes.topicEvents(new HashSet<>(ids), 6, Duration.ofSeconds(60));
    for (String id : ids) {
      assertThat(events.stream().filter(e -> e.getString("subject").equals(id)).map(e -> e.getString("type")))
          .containsExactly("billpay.payment.created", "billpay.payment.submitted", "billpay.payment.needs_review");
    }
    events.forEach(DocumentedEvents::assertMatchesItsExample);

    sweepAll(sweep(pool), now.plus(Duration.ofDays(10)));
    for (String id : ids) {
      assertThat(status(id)).as("never settled by the window alone: " + id).isEqualTo("needs_review");
    }
    Api.Response statement = api.send("POST", "/v1/bank-files", SharedStack.ADMIN_TOKEN, "text/plain",
        AchSettlementStatement.of(LocalDate.parse(file.getString("effective_date")), file.getLong("total_debit")));
    assertThat(statement.status()).as(statement.body()).isEqualTo(201);
    assertThat(statement.json().getJsonObject("summary").getInteger("clearing_files_settled")).isEqualTo(1);
    for (String id : ids) {
      assertThat(status(id)).as("the bank's settlement credit shows it had the file: " + id).isEqualTo("settled");
    }
    pool.close();
  }

  @Test
  @DisplayName("a file a crash left between its commit and its hand-over is flagged after ten minutes, its payments need review")
  void abandonedHandOver() throws Exception {
    String id = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(5533)).json().getString("id");
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant now = Instant.now();
    // the process "dies" during the hand-over: the transmitter never answers
    ClearingEngine stuck = engine(pool, (file, content) -> io.vertx.core.Promise.<Void>promise().future());
    stuck.run(now, now);
    Eventually.await(Duration.ofSeconds(60), "the file committed", () -> "submitted".equals(status(id)));
    String fileId = api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("clearing_file_id");
    ClearingEngine next = engine(pool);
    await(next.flagAbandoned(Instant.now()));
    assertThat(status(id)).as("a hand-over may still be under way").isEqualTo("submitted");
    assertThat(await(next.flagAbandoned(Instant.now().plus(ClearingEngine.ABANDONED_AFTER).plusSeconds(60))))
        .isGreaterThanOrEqualTo(1);
    assertThat(status(id)).isEqualTo("needs_review");
    assertThat(api.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/" + fileId).json().getString("status"))
        .isEqualTo("transmission_unknown");
    assertThat(await(next.flagAbandoned(Instant.now().plus(ClearingEngine.ABANDONED_AFTER).plusSeconds(60))))
        .as("flagged once").isZero();
    pool.close();
  }

  @Test
  @DisplayName("a cut-off run after midnight dates its file by the run's day, so its file id modifier is unique among that day's files")
  void lateRunDatedByItsDay() throws Exception {
    String id = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(5544)).json().getString("id");
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant now = Instant.now();
    Instant cutoff = now.minus(Duration.ofDays(1));
    // due by yesterday's last cut-off whatever the hour now (a payment made after today's cut-off is
    // effective a day later than yesterday's run sends), and that run happens only now (the gateway was down)
    await(pool.preparedQuery("UPDATE payments SET effective_date = $1 WHERE id = $2")
        .execute(Tuple.of(LocalDate.ofInstant(cutoff, gateway.config().clearing().zone()), id)));
    await(engine(pool).run(cutoff, now));
    String fileId = api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("clearing_file_id");
    JsonObject file = api.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/" + fileId).json();
    LocalDate today = LocalDate.ofInstant(now, gateway.config().clearing().zone());
    assertThat(file.getString("file_date")).isEqualTo(today.toString());
    assertThat(Probes.pgLong("SELECT count(*) FROM clearing_files WHERE file_date = ? AND file_id_modifier = ?",
        today, file.getString("file_id_modifier"))).as("its modifier is unique today").isEqualTo(1);
    pool.close();
  }
}
