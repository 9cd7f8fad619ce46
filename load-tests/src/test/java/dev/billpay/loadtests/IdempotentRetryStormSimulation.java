package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Idempotent-retry storm: every Idempotency-Key is sent by STORM_COPIES virtual users at the same
 * instant, with the same body, and the gateway must create exactly one payment per key.
 *
 * <p>The storm is STORM_COPIES populations with the same open profile (RATE new keys/s, see
 * {@link LoadTest#openProfile()}); the i-th user of each population arrives at the same moment and
 * sends key i, so the copies of a key race each other. A copy answered 409 `idempotency-key-in-flight`
 * tries again after 100 ms (up to 5 times), as a well-behaved client does.
 *
 * <p>Then one user checks, through the API: every answer for a key carried the same payment id;
 * the storm's own funding account (new for each run) lists exactly one payment per key sent, each
 * with the id its key was answered; and the same key with another body is 422
 * `idempotency-key-reused` (STORM_MISMATCHES keys). Gatling assertions on these checks fail the run
 * (non-zero exit) when one does not hold.
 */
public class IdempotentRetryStormSimulation extends Simulation {

  static final int COPIES = Knobs.positiveInt("STORM_COPIES", 5);
  static final int MISMATCHES = Knobs.nonNegativeInt("STORM_MISMATCHES", 5);
  static final String VERIFY = "verify: one payment per key";
  static final String MISMATCH = "POST /v1/payments (same key, other body)";
  static final String REUSED = "https://billpay-gateway.dev/problems/idempotency-key-reused";

  final String fundingAccount = LoadTest.create("/v1/funding-accounts", LoadTest.FUNDING_ACCOUNT_JSON);
  final String payee = LoadTest.payee();
  final StormLedger ledger = new StormLedger();

  /** Key i and its body, the same in every population. */
  Iterator<Map<String, Object>> keys() {
    return Stream.iterate(0, i -> i + 1)
        .<Map<String, Object>>map(i -> Map.of("key", key(i), "reference", key(i), "amount", 1 + i % 10_000))
        .iterator();
  }

  static String key(int i) {
    return "lt-storm-" + LoadTest.RUN + "-" + i;
  }

  ChainBuilder send(String body) {
    return exec(session -> session.set("status", 0))
        .exec(http("POST /v1/payments (storm)").post("/v1/payments")
            .header("Content-Type", "application/json").header("Idempotency-Key", "#{key}")
            .body(StringBody(body))
            .check(status().saveAs("status"), status().is(201), jsonPath("$.id").saveAs("paymentId")));
  }

  ScenarioBuilder storm(int copy) {
    String body = LoadTest.paymentJson(fundingAccount, payee, "#{amount}", "#{reference}");
    return scenario("Retry storm, copy " + copy)
        .feed(keys())
        .exec(session -> {
          ledger.sending(session.getString("key"));
          return session;
        })
        .exec(send(body))
        // 409 idempotency-key-in-flight: the first copy is still running; retry shortly
        .repeat(5).on(doIf(session -> session.getInt("status") == 409)
            .then(pause(Duration.ofMillis(100)).exec(send(body))))
        .exec(session -> {
          ledger.answered(session.getString("key"),
              session.contains("paymentId") ? session.getString("paymentId") : null);
          return session;
        });
  }

  /** After the storm: other bodies under used keys, then the account's list against what was answered. */
  ScenarioBuilder verify() {
    String listPage = "/v1/payments?funding_account_id=" + fundingAccount + "&limit=100";
    return scenario("Verify the storm")
        // the other copies' last users arrived with copy 1's: give them a moment to register, then wait
        .pause(Duration.ofSeconds(1))
        .asLongAs(session -> ledger.inFlight() > 0).on(pause(Duration.ofMillis(100)))
        .exec(session -> session.set("mismatchKeys", ledger.someAnsweredKeys(MISMATCHES)).set("cursor", ""))
        .foreach("#{mismatchKeys}", "key").on(exec(http(MISMATCH).post("/v1/payments")
            .header("Content-Type", "application/json").header("Idempotency-Key", "#{key}")
            .body(StringBody(LoadTest.paymentJson(fundingAccount, payee, 10_001, "#{key}-other")))
            .check(status().is(422), jsonPath("$.type").is(REUSED))))
        .asLongAs(session -> session.getString("cursor") != null).on(exec(
            http("GET /v1/payments?funding_account_id (verify)")
                .get(session -> listPage + (session.getString("cursor").isEmpty() ? ""
                    : "&starting_after=" + session.getString("cursor")))
                .check(status().is(200), bodyString().saveAs("page")))
            .exec(session -> session.set("cursor", ledger.listed(session.getString("page")))))
        .exec(http(VERIFY).get(listPage.replace("limit=100", "limit=1"))
            .check(bodyString().transform(any -> ledger.problems()).is("")));
  }

  {
    LoadTest.announce("IdempotentRetryStormSimulation",
        "STORM_COPIES=" + COPIES + " STORM_MISMATCHES=" + MISMATCHES + " funding_account=" + fundingAccount);
    List<PopulationBuilder> populations = new ArrayList<>();
    populations.add(storm(1).injectOpen(LoadTest.openProfile())
        .andThen(verify().injectOpen(atOnceUsers(1))));
    for (int copy = 2; copy <= COPIES; copy++) {
      populations.add(storm(copy).injectOpen(LoadTest.openProfile()));
    }
    List<Assertion> assertions = new ArrayList<>(List.of(
        details(VERIFY).allRequests().count().is(1L), details(VERIFY).failedRequests().count().is(0L)));
    if (MISMATCHES > 0) {
      assertions.add(details(MISMATCH).allRequests().count().is((long) MISMATCHES));
      assertions.add(details(MISMATCH).failedRequests().count().is(0L));
    }
    setUp(populations).protocols(LoadTest.httpProtocol()).assertions(assertions);
  }
}
