package dev.billpay.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Payment plans: occurrences materialised once, due ones pending, pause/resume/cancel")
class PlansIT {
  // no scheduler of the gateway's own: each test runs the schedulers it needs, with the clock it needs
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_ROLES", "api,relay,projector,webhooks,maintenance",
      "BILLPAY_SCHEDULING_POLL_INTERVAL_MS", "100",
      "BILLPAY_SCHEDULING_BATCH_SIZE", "3"));
  private static final Api api = new Api();

  private static JsonObject plan(JsonObject recurrence) {
    JsonObject body = new JsonObject().put("funding_account_id", Fixtures.devFundingAccount())
        .put("payee_id", Fixtures.devPayee()).put("amount", 2500).put("currency", "USD").mergeIn(recurrence);
    Api.Response r = api.send("POST", "/v1/payment-plans", Api.DEV_KEY, "application/json", body.encode(),
        UUID.randomUUID().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static long payments(String planId, String status) {
    return Probes.pgLong("SELECT count(*) FROM payments WHERE plan_id = ? AND status = ?", planId, status);
  }

  private static String deployScheduler(Clock clock) throws Exception {
    return gateway.vertx().deployVerticle(gateway.wiring().withClock(clock).schedulerVerticle())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void undeploy(String id) throws Exception {
    gateway.vertx().undeploy(id).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("two scheduler instances over the same plans create each occurrence once and make each due one pending once")
  void twoSchedulers() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonObject weekly = plan(new JsonObject().put("frequency", "weekly").put("start_date", today.toString())
        .put("count", 10).put("time_zone", "UTC"));
    JsonObject monthly = plan(new JsonObject().put("frequency", "monthly").put("start_date", today.toString())
        .put("day_of_month", 31).put("end_date", today.plusMonths(6).toString()).put("time_zone", "Pacific/Auckland"));
    assertThat(weekly.getJsonArray("next_occurrences")).hasSize(5);
    assertThat(weekly.getJsonArray("next_occurrences").getJsonObject(0).getString("date")).isEqualTo(today.toString());

    // 70 days on, all 10 weekly occurrences (days 0 to 63) exist and are due
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(70));
    String a = deployScheduler(later);
    String b = deployScheduler(later);
    try {
      Eventually.await(Duration.ofSeconds(60), "10 weekly occurrences",
          () -> Probes.pgLong("SELECT count(*) FROM payments WHERE plan_id = ?", weekly.getString("id")) == 10);
      Eventually.await(Duration.ofSeconds(60), "the due ones pending",
          () -> payments(weekly.getString("id"), "pending") == 10);
    } finally {
      undeploy(a);
      undeploy(b);
    }
    assertThat(Probes.pgLong("SELECT count(DISTINCT occurrence_date) FROM payments WHERE plan_id = ?",
        weekly.getString("id"))).isEqualTo(10);
    // each payment has exactly its two events: scheduled (0001) and pending (0002)
    assertThat(Probes.pgLong("SELECT count(*) FROM outbox o JOIN payments p ON p.id = o.message_key"
        + " WHERE p.plan_id = ?", weekly.getString("id"))).isEqualTo(20);
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE plan_id = ? AND"
        + " extract(day from occurrence_date) NOT IN (28, 29, 30, 31)", monthly.getString("id")))
        .as("day 31 clamps to the month's last day").isZero();
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE plan_id = ? AND"
        + " extract(isodow from effective_date) > 5", monthly.getString("id"))).as("effective dates are weekdays")
        .isZero();
  }

  @Test
  @DisplayName("cancel cancels the plan's scheduled occurrences; pause keeps them from becoming due; bad plans are 400")
  void lifecycle() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonObject p = plan(new JsonObject().put("frequency", "biweekly").put("start_date", today.plusDays(1).toString())
        .put("count", 4));
    String id = p.getString("id");
    String s = deployScheduler(Clock.systemUTC());
    try {
      Eventually.await(Duration.ofSeconds(30), "3 occurrences within the horizon",
          () -> payments(id, "scheduled") == 3);
    } finally {
      undeploy(s);
    }
    assertThat(post("/v1/payment-plans/" + id + "/pause").json().getString("status")).isEqualTo("paused");
    assertThat(post("/v1/payment-plans/" + id + "/pause").status()).isEqualTo(409);
    String later = deployScheduler(Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
    try {
      Thread.sleep(1000); // give the scheduler ticks a chance to (wrongly) move the paused plan's payment
      assertThat(payments(id, "pending")).as("a paused plan's occurrences do not become due").isZero();
    } finally {
      undeploy(later);
    }
    assertThat(post("/v1/payment-plans/" + id + "/cancel").json().getString("status")).isEqualTo("canceled");
    assertThat(payments(id, "canceled")).isEqualTo(3);
    assertThat(payments(id, "scheduled")).isZero();
    assertThat(api.get(Api.DEV_KEY, "/v1/payment-plans/" + id).json().getJsonArray("next_occurrences")).isEmpty();

    Api.Response bad = api.send("POST", "/v1/payment-plans", Api.DEV_KEY, "application/json", new JsonObject()
        .put("funding_account_id", Fixtures.devFundingAccount()).put("payee_id", Fixtures.devPayee())
        .put("amount", 100).put("currency", "USD").put("frequency", "monthly").put("start_date", today.toString())
        .encode(), UUID.randomUUID().toString());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").encode()).contains("end_date");
    assertThat(api.get("bp_test_nobody", "/v1/payment-plans/" + id).status()).isEqualTo(401);
  }

  private static Api.Response post(String path) {
    return api.send("POST", path, Api.DEV_KEY, null, null, UUID.randomUUID().toString());
  }

  @Test
  @DisplayName("a plan that starts in the past pays from today on: the dates it missed are never debited")
  void startsInThePast() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonObject p = plan(new JsonObject().put("frequency", "weekly").put("start_date", today.minusDays(10).toString())
        .put("count", 5).put("time_zone", "UTC"));
    String id = p.getString("id");
    String s = deployScheduler(Clock.systemUTC());
    try {
      // occurrences on days -10, -3, +4, +11, +18: only the last three exist
      Eventually.await(Duration.ofSeconds(30), "the three occurrences from today on",
          () -> Probes.pgLong("SELECT count(*) FROM payments WHERE plan_id = ?", id) == 3);
    } finally {
      undeploy(s);
    }
    assertThat(Probes.pgLong("SELECT count(*) FROM payments WHERE plan_id = ? AND occurrence_date < ?", id, today))
        .isZero();
    assertThat(payments(id, "pending")).isZero();
  }
}
