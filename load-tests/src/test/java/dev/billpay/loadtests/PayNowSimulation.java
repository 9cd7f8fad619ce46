package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * "Pay now" flow: every virtual user creates one payment and reads it back.
 *
 * <pre>
 *   POST /v1/payments        -> 201, save $.id
 *   GET  /v1/payments/{id}   -> 200
 * </pre>
 *
 * Open injection model ({@link LoadTest#openProfile()}): ramp from 1 user/s to RATE users/s over
 * RAMP_SECONDS, then hold RATE users/s for DURATION_SECONDS. Knobs: BASE_URL, API_KEY, RATE,
 * RAMP_SECONDS, DURATION_SECONDS, FUNDING_ACCOUNT_ID and PAYEE_ID (default: created through the
 * API before the run); see load-tests/README.md.
 *
 * This is a measurement, not a test: there are deliberately no assertions. Read the
 * latency percentiles and error counts from the HTML report.
 */
public class PayNowSimulation extends Simulation {

  static final String FUNDING_ACCOUNT_ID = LoadTest.fundingAccount();
  static final String PAYEE_ID = LoadTest.payee();

  final ScenarioBuilder payNow =
      scenario("Pay now")
          .exec(
              session ->
                  session
                      .set("idempotencyKey", UUID.randomUUID().toString())
                      // "lt-" + 36-char UUID = 39 chars, within the 64-char limit.
                      .set("reference", "lt-" + UUID.randomUUID())
                      .set("amount", ThreadLocalRandom.current().nextInt(1, 100_001)))
          .exec(
              http("POST /v1/payments")
                  .post("/v1/payments")
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", "#{idempotencyKey}")
                  .body(StringBody(LoadTest.paymentJson(FUNDING_ACCOUNT_ID, PAYEE_ID, "#{amount}", "#{reference}")))
                  .check(status().is(201))
                  .check(jsonPath("$.id").saveAs("paymentId")))
          // Without an id there is nothing to read back.
          .exitHereIfFailed()
          .exec(
              http("GET /v1/payments/{id}")
                  .get("/v1/payments/#{paymentId}")
                  .check(status().is(200)));

  {
    LoadTest.announce("PayNowSimulation", "");
    setUp(payNow.injectOpen(LoadTest.openProfile())).protocols(LoadTest.httpProtocol());
  }
}
