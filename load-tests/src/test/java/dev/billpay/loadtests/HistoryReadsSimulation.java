package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * History reads: a payment's events and pages of its funding account's history, both served from
 * Cassandra (projected from Kafka).
 *
 * <p>Setup, before the load and not measured: a new funding account with HISTORY_PAYMENTS payments,
 * created through the API, and a wait until the projector has written the last one's history.
 * Then each virtual user (open profile, RATE users/s, see {@link LoadTest#openProfile()}):
 *
 * <pre>
 *   GET /v1/payments/{random seeded id}/events                       -> 200, at least one event
 *   GET /v1/funding-accounts/{id}/history?limit=HISTORY_PAGE_SIZE     -> 200
 *   GET ...&amp;starting_after={next_cursor}                            -> 200, while has_more,
 *                                                                         up to HISTORY_PAGES pages in all
 * </pre>
 */
public class HistoryReadsSimulation extends Simulation {

  static final int PAYMENTS = Knobs.positiveInt("HISTORY_PAYMENTS", 200);
  static final int PAGES = Knobs.positiveInt("HISTORY_PAGES", 3);
  static final int PAGE_SIZE = Knobs.positiveInt("HISTORY_PAGE_SIZE", 20);
  static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

  final String fundingAccount = LoadTest.create("/v1/funding-accounts", LoadTest.FUNDING_ACCOUNT_JSON);
  final List<String> payments = seed(fundingAccount, LoadTest.payee());

  static List<String> seed(String fundingAccount, String payee) {
    List<String> ids = new ArrayList<>(PAYMENTS);
    for (int i = 0; i < PAYMENTS; i++) {
      ids.add(LoadTest.createPayment(fundingAccount, payee, 1 + i % 10_000));
    }
    awaitHistory(ids.get(ids.size() - 1));
    return List.copyOf(ids);
  }

  /** History is written a moment after the payment; reads before that would measure empty answers. */
  static void awaitHistory(String paymentId) {
    long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
    while (LoadTest.get("/v1/payments/" + paymentId + "/events").contains("\"data\":[]")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no history for " + paymentId + " after " + PROJECTION_WAIT);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  final ScenarioBuilder reads =
      scenario("History reads")
          .exec(session -> session
              .set("paymentId", payments.get(ThreadLocalRandom.current().nextInt(payments.size())))
              .set("cursor", ""))
          .exec(http("GET /v1/payments/{id}/events").get("/v1/payments/#{paymentId}/events")
              .check(status().is(200), jsonPath("$.data[0].type").exists()))
          .repeat(PAGES).on(doIf(session -> session.getString("cursor") != null).then(
              exec(http("GET /v1/funding-accounts/{id}/history").get(session -> historyPage(session.getString("cursor")))
                  .check(status().is(200), jsonPath("$.has_more").ofBoolean().saveAs("hasMore"),
                      jsonPath("$.next_cursor").optional().saveAs("nextCursor")))
                  // no next page (or a failed one): the loop ends
                  .exec(session -> session.set("cursor",
                          session.contains("hasMore") && session.getBoolean("hasMore")
                              ? session.getString("nextCursor") : null)
                      .remove("hasMore").remove("nextCursor"))));

  String historyPage(String cursor) {
    return "/v1/funding-accounts/" + fundingAccount + "/history?limit=" + PAGE_SIZE
        + (cursor.isEmpty() ? "" : "&starting_after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
  }

  {
    LoadTest.announce("HistoryReadsSimulation", "HISTORY_PAYMENTS=" + PAYMENTS + " HISTORY_PAGES=" + PAGES
        + " HISTORY_PAGE_SIZE=" + PAGE_SIZE + " funding_account=" + fundingAccount);
    setUp(reads.injectOpen(LoadTest.openProfile())).protocols(LoadTest.httpProtocol());
  }
}
