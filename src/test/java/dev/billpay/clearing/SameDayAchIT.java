package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.Batch;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.scheduling.BankingDayTimes;
import dev.billpay.scheduling.SameDayWindows;
import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Same-day ACH: speed on payments and plans, the per-entry limit, same-day and standard batches apart")
class SameDayAchIT {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final BankingCalendar CALENDAR = BankingCalendar.federalReserve();

  // No clearing role of its own: the test runs its cut-offs at the instants it needs. The per-payment limit is
  // above the same-day one, so that the same-day limit is what refuses. A single same-day window at 00:00 UTC
  // makes creation deterministic: whenever the test runs, today's last window has passed.
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_ROLES", "api,relay,projector,webhooks,maintenance,scheduler",
      "BILLPAY_SCHEDULING_POLL_INTERVAL_MS", "200",
      "BILLPAY_PAYMENTS_MAX_AMOUNT_MINOR", "1000000000",
      "BILLPAY_CLEARING_SAME_DAY_WINDOWS", "00:00",
      "BILLPAY_CLEARING_SAME_DAY_SETTLEMENT_TIMES", "13:00",
      "BILLPAY_CLEARING_SAME_DAY_TIME_ZONE", "UTC"));
  private static final Api api = new Api();

  private static JsonObject body(String account, String payee, long amount, String speed) {
    JsonObject body = new JsonObject().put("funding_account_id", account).put("payee_id", payee)
        .put("amount", amount).put("currency", "USD").put("reference", "sd-" + UUID.randomUUID());
    return speed == null ? body : body.put("speed", speed);
  }

  private static JsonObject created(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static void assertProblem(Api.Response r, String type, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).isEqualTo("https://billpay-gateway.dev/problems/" + type);
    assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(field);
  }

  /** An engine on the gateway's cut-offs and the Federal Reserve's same-day windows, Eastern time. */
  private static ClearingEngine fedEngine(Pool pool) {
    var c = gateway.config().clearing();
    SameDayWindows fed = new SameDayWindows(new BankingDayTimes(
        List.of(LocalTime.of(10, 30), LocalTime.of(14, 45), LocalTime.of(16, 45)), NEW_YORK, CALENDAR),
        List.of(LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(18, 0)));
    return TestEngines.engine(gateway, pool,
        new CutoffSchedule(new BankingDayTimes(c.cutoffTimes(), c.zone(), CALENDAR), fed),
        new DirectoryTransmitter(gateway.vertx(), c.transmitDir()));
  }

  @Test
  @DisplayName("a same-day payment above $1,000,000 is 422 same-day-limit-exceeded, as standard it is accepted, and a same-day plan above it is refused")
  void limit() {
    String key = Fixtures.newClientKey("same-day limit " + UUID.randomUUID());
    String account = Fixtures.createFundingAccount(key, "000777000111");
    String payee = Fixtures.createPayee(key, "5500000077770001");
    assertProblem(api.post(key, "/v1/payments", body(account, payee, 100_000_001L, "same_day")),
        "same-day-limit-exceeded", "amount");
    assertThat(created(api.post(key, "/v1/payments", body(account, payee, 100_000_000L, "same_day")))
        .getString("speed")).as("exactly the limit").isEqualTo("same_day");
    assertThat(created(api.post(key, "/v1/payments", body(account, payee, 100_000_001L, "standard")))
        .getString("speed")).isEqualTo("standard");
    JsonObject plan = body(account, payee, 100_000_001L, "same_day").put("frequency", "once")
        .put("start_date", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
    plan.remove("reference");
    assertProblem(api.post(key, "/v1/payment-plans", plan), "same-day-limit-exceeded", "amount");
    assertThat(api.post(key, "/v1/payments", body(account, payee, 12_550, "same-day")).status())
        .as("an unknown speed").isEqualTo(400);
  }

  @Test
  @DisplayName("without speed a payment is standard; a same-day one made after the day's last window is effective the next banking day, and its event says same_day")
  void speedAndEffectiveDate() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonObject standard = created(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(1111)));
    assertThat(standard.getString("speed")).isEqualTo("standard");
    assertThat(standard.getString("effective_date")).isEqualTo(CALENDAR.onOrAfter(today).toString());
    JsonObject sameDay = created(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(2222).put("speed", "same_day")));
    assertThat(sameDay.getString("status")).isEqualTo("pending");
    assertThat(sameDay.getString("effective_date")).as("the next banking day's first window")
        .isEqualTo(CALENDAR.next(today).toString());
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + sameDay.getString("id")).json().getString("speed"))
        .isEqualTo("same_day");
    List<JsonObject> events = Probes.topicEvents(Set.of(sameDay.getString("id")), 1, Duration.ofSeconds(60));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.getString("type")).isEqualTo("billpay.payment.created");
      assertThat(e.getJsonObject("data").getString("speed")).isEqualTo("same_day");
      DocumentedEvents.assertMatchesItsExample(e);
    });
  }

  @Test
  @DisplayName("same-day and standard payments in one cut-off land in separate files and batches: same-day effective that day with SD1300, standard the next banking day")
  void separateBatches() throws Exception {
    String sameDayId = created(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(3333).put("speed", "same_day")))
        .getString("id");
    String standardId = created(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(4444))).getString("id");
    // a run in the hour before the first same-day window (10:30 ET) of the day the same-day payment is
    // effective: its same-day entries go in that window. A run is once per instant, and the database outlives
    // test runs, so the instant is picked at random.
    LocalDate day = LocalDate.parse(api.get(Api.DEV_KEY, "/v1/payments/" + sameDayId).json()
        .getString("effective_date"));
    Instant cutoff = ZonedDateTime.of(day, LocalTime.of(10, 30), NEW_YORK).toInstant()
        .minusMillis(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(3_600_000));
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    try {
      ClearingEngine.RunResult run = fedEngine(pool).run(cutoff, cutoff.plusSeconds(5))
          .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      assertThat(run.ran()).isTrue();
      JsonObject sameDay = api.get(Api.DEV_KEY, "/v1/payments/" + sameDayId).json();
      JsonObject standard = api.get(Api.DEV_KEY, "/v1/payments/" + standardId).json();
      assertThat(sameDay.getString("status")).isEqualTo("submitted");
      assertThat(standard.getString("status")).isEqualTo("submitted");
      assertThat(sameDay.getString("effective_date")).isEqualTo(day.toString());
      assertThat(standard.getString("effective_date")).isEqualTo(CALENDAR.next(day).toString());
      assertThat(sameDay.getString("clearing_file_id")).isNotEqualTo(standard.getString("clearing_file_id"));

      int sameDayBatches = 0;
      int standardBatches = 0;
      for (ClearingFile f : run.files()) {
        String content = pool.preparedQuery("SELECT content FROM clearing_files WHERE id = $1")
            .execute(io.vertx.sqlclient.Tuple.of(f.id())).map(rows -> rows.iterator().next().getString(0))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        NachaFile file = NachaReader.read(new StringReader(content)).orElseThrow();
        assertThat(file.header().creationDate()).as("files are created on the cut-off's day").isEqualTo(day);
        for (Batch batch : file.batches()) {
          List<String> traces = batch.entries().stream().map(EntryDetail::traceNumber).toList();
          assertThat(batch.header().effectiveEntryDate()).as("batch of file " + f.id()).isEqualTo(f.effectiveDate());
          if (batch.header().effectiveEntryDate().equals(day)) {
            assertThat(batch.header().descriptiveDate()).isEqualTo("SD1300");
            sameDayBatches++;
            assertThat(traces).doesNotContain(standard.getString("trace_number"));
          } else {
            assertThat(batch.header().effectiveEntryDate()).isEqualTo(CALENDAR.next(day));
            assertThat(batch.header().descriptiveDate()).isEmpty();
            assertThat(traces).doesNotContain(sameDay.getString("trace_number"));
            standardBatches++;
          }
        }
      }
      assertThat(sameDayBatches).isPositive();
      assertThat(standardBatches).isPositive();
      assertThat(run.files().stream().filter(f -> f.id().equals(sameDay.getString("clearing_file_id")))
          .map(ClearingFile::effectiveDate)).containsExactly(day);
    } finally {
      pool.close();
    }
  }

  @Test
  @DisplayName("a same-day plan's occurrences are same-day payments")
  void plan() {
    JsonObject body = new JsonObject().put("funding_account_id", Fixtures.devFundingAccount())
        .put("payee_id", Fixtures.devPayee()).put("amount", 5555).put("currency", "USD").put("speed", "same_day")
        .put("frequency", "once").put("start_date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())
        .put("time_zone", "UTC");
    JsonObject plan = created(api.post(Api.DEV_KEY, "/v1/payment-plans", body));
    assertThat(plan.getString("speed")).isEqualTo("same_day");
    Eventually.await(Duration.ofSeconds(60), "the occurrence", () -> Probes.pgLong(
        "SELECT count(*) FROM payments WHERE plan_id = ? AND speed = 'same_day'", plan.getString("id")) == 1);
    assertThat(api.get(Api.DEV_KEY, "/v1/payment-plans/" + plan.getString("id")).json().getString("speed"))
        .isEqualTo("same_day");
  }
}
