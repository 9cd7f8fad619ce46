package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plan creation: each virtual user (open profile, RATE users/s, see {@link LoadTest#openProfile()})
 * creates one payment plan:
 *
 * <pre>
 *   POST /v1/payment-plans   -> 201, "object": "payment_plan" with its next occurrences
 * </pre>
 *
 * The frequency is picked at random from PLAN_FREQUENCIES (default {@code monthly,weekly,biweekly,once}),
 * the first date 1-60 days ahead: monthly on a random day of month (1-31, clamped in short months),
 * 12 times, in New York time; weekly 10 times; biweekly until 180 days after the start; once. The
 * scheduler later turns the occurrences within its horizon into scheduled payments, in the background.
 */
public class PlanCreationSimulation extends Simulation {

  static final List<String> FREQUENCIES =
      List.of(Knobs.string("PLAN_FREQUENCIES", "monthly,weekly,biweekly,once").split("\\s*,\\s*"));

  final String fundingAccount = LoadTest.fundingAccount();
  final String payee = LoadTest.payee();

  String planJson() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String frequency = FREQUENCIES.get(random.nextInt(FREQUENCIES.size()));
    LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(random.nextInt(1, 61));
    String schedule = switch (frequency) {
      case "monthly" -> ",\"day_of_month\":" + random.nextInt(1, 32) + ",\"count\":12,\"time_zone\":\"America/New_York\"";
      case "weekly" -> ",\"count\":10";
      case "biweekly" -> ",\"end_date\":\"" + start.plusDays(180) + "\"";
      case "once" -> "";
      default -> throw new IllegalArgumentException("PLAN_FREQUENCIES: unknown frequency " + frequency);
    };
    return "{\"funding_account_id\":\"" + fundingAccount + "\",\"payee_id\":\"" + payee + "\","
        + "\"amount\":" + random.nextInt(1, 10_001) + ",\"currency\":\"USD\",\"frequency\":\"" + frequency + "\","
        + "\"start_date\":\"" + start + "\"" + schedule + ",\"description\":\"load test " + frequency + "\"}";
  }

  final ScenarioBuilder plans =
      scenario("Plan creation")
          .exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()).set("plan", planJson()))
          .exec(http("POST /v1/payment-plans").post("/v1/payment-plans")
              .header("Content-Type", "application/json").header("Idempotency-Key", "#{idempotencyKey}")
              .body(StringBody("#{plan}"))
              .check(status().is(201), jsonPath("$.object").is("payment_plan"),
                  jsonPath("$.next_occurrences[0].date").exists()));

  {
    FREQUENCIES.forEach(f -> {
      if (!List.of("monthly", "weekly", "biweekly", "once").contains(f)) {
        throw new IllegalArgumentException("PLAN_FREQUENCIES: unknown frequency " + f);
      }
    });
    LoadTest.announce("PlanCreationSimulation", "PLAN_FREQUENCIES=" + String.join(",", FREQUENCIES));
    setUp(plans.injectOpen(LoadTest.openProfile())).protocols(LoadTest.httpProtocol());
  }
}
