package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.payments.PaymentRepository;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Clearing engine: one leader per cut-off, each payment in exactly one NACHA file")
class ClearingIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  private static ClearingEngine engine(Pool pool) {
    var config = gateway.config();
    var c = config.clearing();
    return new ClearingEngine(gateway.vertx(), pool, c,
        new CutoffSchedule(c.cutoffTimes(), c.zone(), BankingCalendar.federalReserve()),
        AccountNumberCipher.fromBase64("it", SharedStack.TEST_ACCOUNT_KEY),
        new PaymentTransitions(new PaymentRepository(pool)), new DirectoryTransmitter(gateway.vertx(), c.transmitDir()),
        new dev.billpay.observability.GatewayMetrics());
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
  @DisplayName("a submitted payment that no return reaches within the settlement window settles by itself, with its event")
  void settlesAfterTheWindow() throws Exception {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(4321));
    String id = r.json().getString("id");
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    Instant now = Instant.now();
    engine(pool).run(now, now).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status")).isEqualTo("submitted");
    var c = gateway.config().clearing();
    SettlementSweep sweep = new SettlementSweep(pool, new PaymentTransitions(new PaymentRepository(pool)),
        BankingCalendar.federalReserve(), c.zone(), c.settlementDays());
    sweep.run(now).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status"))
        .as("inside the window nothing settles").isEqualTo("submitted");
    // ten days on, the window has passed: sweep until nothing is left (it works in batches)
    Instant later = now.plus(java.time.Duration.ofDays(10));
    while (sweep.run(later).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS) > 0) {
      // next batch
    }
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + id).json().getString("status")).isEqualTo("settled");
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ? AND payload LIKE"
        + " '%\"billpay.payment.settled\"%'", id)).isEqualTo(1);
    pool.close();
  }
}
