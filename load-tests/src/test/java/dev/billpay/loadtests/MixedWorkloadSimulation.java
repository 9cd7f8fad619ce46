package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Mixed workload: each virtual user (open profile, RATE users/s, see {@link LoadTest#openProfile()})
 * sends one request, chosen at random:
 *
 * <pre>
 *   MIXED_CREATE_PERCENT (70)    POST /v1/payments                        -> 201, its id kept for reads
 *   half the rest (15)           GET  /v1/payments/{an id created earlier} -> 200
 *   the other half (15)          GET  /v1/payments?funding_account_id=...  -> 200 (newest 20)
 * </pre>
 *
 * Reads pick among the last 4,096 payments created, the MIXED_SEED_PAYMENTS (20) made before the
 * load included, so reads have something to read from the first second.
 */
public class MixedWorkloadSimulation extends Simulation {

  static final double CREATE_PERCENT = Knobs.positiveDouble("MIXED_CREATE_PERCENT", 70);
  static final int SEED_PAYMENTS = Knobs.positiveInt("MIXED_SEED_PAYMENTS", 20);

  final String fundingAccount = LoadTest.fundingAccount();
  final String payee = LoadTest.payee();
  final RecentIds created = new RecentIds(4096);

  ChainBuilder create() {
    return exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString())
            .set("reference", "lt-" + UUID.randomUUID())
            .set("amount", ThreadLocalRandom.current().nextInt(1, 10_001)))
        .exec(http("POST /v1/payments").post("/v1/payments")
            .header("Content-Type", "application/json").header("Idempotency-Key", "#{idempotencyKey}")
            .body(StringBody(LoadTest.paymentJson(fundingAccount, payee, "#{amount}", "#{reference}")))
            .check(status().is(201), jsonPath("$.id").saveAs("paymentId")))
        .exec(session -> {
          if (session.contains("paymentId")) {
            created.add(session.getString("paymentId"));
          }
          return session;
        });
  }

  ChainBuilder getOne() {
    return exec(session -> session.set("paymentId", created.any()))
        .exec(http("GET /v1/payments/{id}").get("/v1/payments/#{paymentId}").check(status().is(200)));
  }

  ChainBuilder list() {
    return exec(http("GET /v1/payments?funding_account_id").get("/v1/payments")
        .queryParam("funding_account_id", fundingAccount).queryParam("limit", 20)
        .check(status().is(200), jsonPath("$.data[0].id").exists()));
  }

  {
    if (CREATE_PERCENT > 100) {
      throw new IllegalArgumentException("MIXED_CREATE_PERCENT must be <= 100, got " + CREATE_PERCENT);
    }
    for (int i = 0; i < SEED_PAYMENTS; i++) {
      created.add(LoadTest.createPayment(fundingAccount, payee, 1 + i));
    }
    double readPercent = (100 - CREATE_PERCENT) / 2;
    ScenarioBuilder mixed = scenario("Mixed workload").exec(randomSwitch().on(
        percent(CREATE_PERCENT).then(create()),
        percent(readPercent).then(getOne()),
        percent(readPercent).then(list())));
    LoadTest.announce("MixedWorkloadSimulation",
        "MIXED_CREATE_PERCENT=" + CREATE_PERCENT + " MIXED_SEED_PAYMENTS=" + SEED_PAYMENTS);
    setUp(mixed.injectOpen(LoadTest.openProfile())).protocols(LoadTest.httpProtocol());
  }

  /** The last {@code size} ids added, for reads to pick from; safe for concurrent virtual users. */
  static final class RecentIds {
    private final AtomicReferenceArray<String> ring;
    private final AtomicLong added = new AtomicLong();

    RecentIds(int size) {
      ring = new AtomicReferenceArray<>(size);
    }

    void add(String id) {
      ring.set((int) (added.getAndIncrement() % ring.length()), id);
    }

    String any() {
      int filled = (int) Math.min(added.get(), ring.length());
      String id = ring.get(ThreadLocalRandom.current().nextInt(filled));
      // a slot claimed but not yet written: the seeded first one is always there
      return id != null ? id : ring.get(0);
    }
  }
}
