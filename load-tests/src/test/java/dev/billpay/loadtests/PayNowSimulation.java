package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Open injection model: ramp from 1 user/s to RATE users/s over RAMP_SECONDS, then hold
 * RATE users/s for DURATION_SECONDS. Each knob is read from a system property first, then
 * an environment variable of the same name, then the default:
 *
 * <ul>
 *   <li>BASE_URL (http://localhost:8080)</li>
 *   <li>API_KEY (bp_test_dev_key_embedded_default, the embedded default's development key)</li>
 *   <li>RATE (50 users/s)</li>
 *   <li>RAMP_SECONDS (10)</li>
 *   <li>DURATION_SECONDS (30)</li>
 *   <li>FUNDING_ACCOUNT_ID, PAYEE_ID (default: created through the API before the run)</li>
 * </ul>
 *
 * This is a measurement, not a test: there are deliberately no assertions. Read the
 * latency percentiles and error counts from the HTML report.
 */
public class PayNowSimulation extends Simulation {

  static final String BASE_URL =
      Knobs.string("BASE_URL", "http://localhost:8080").replaceAll("/+$", "");
  static final String API_KEY = Knobs.string("API_KEY", "bp_test_dev_key_embedded_default");
  // the payments need a funding account and a payee of the client: given, or created before the run
  static final String FUNDING_ACCOUNT_ID = Knobs.string("FUNDING_ACCOUNT_ID", null) != null
      ? Knobs.string("FUNDING_ACCOUNT_ID", null)
      : Fixtures.create("/v1/funding-accounts", "{\"type\":\"us_bank_account\",\"holder_name\":\"Load Test\","
          + "\"routing_number\":\"021000021\",\"account_number\":\"000123456789\",\"account_type\":\"checking\"}");
  static final String PAYEE_ID = Knobs.string("PAYEE_ID", null) != null
      ? Knobs.string("PAYEE_ID", null)
      : Fixtures.create("/v1/payees", "{\"display_name\":\"Load Test Utility\",\"biller_id\":\"blr_loadtest\","
          + "\"account_number\":\"5500000012345678\"}");
  static final double RATE = Knobs.positiveDouble("RATE", 50);
  static final int RAMP_SECONDS = Knobs.nonNegativeInt("RAMP_SECONDS", 10);
  static final int DURATION_SECONDS = Knobs.nonNegativeInt("DURATION_SECONDS", 30);

  final HttpProtocolBuilder httpProtocol =
      http.baseUrl(Knobs.requireLoopback(BASE_URL))
          .acceptHeader("application/json")
          .authorizationHeader("Bearer " + API_KEY)
          // One connection pool for all virtual users, like a real client fleet behind a
          // keep-alive pool, rather than one connection per (short-lived) virtual user.
          .shareConnections()
          // Warm-up would fetch https://gatling.io; only Maven Central is reachable here.
          .disableWarmUp();

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
                  .body(
                      StringBody(
                          "{\"funding_account_id\":\"" + FUNDING_ACCOUNT_ID + "\","
                              + "\"payee_id\":\"" + PAYEE_ID + "\","
                              + "\"amount\":#{amount},"
                              + "\"currency\":\"USD\","
                              + "\"reference\":\"#{reference}\"}"))
                  .check(status().is(201))
                  .check(jsonPath("$.id").saveAs("paymentId")))
          // Without an id there is nothing to read back.
          .exitHereIfFailed()
          .exec(
              http("GET /v1/payments/{id}")
                  .get("/v1/payments/#{paymentId}")
                  .check(status().is(200)));

  {
    List<OpenInjectionStep> profile = new ArrayList<>();
    if (RAMP_SECONDS > 0) {
      profile.add(rampUsersPerSec(Math.min(1.0, RATE)).to(RATE).during(RAMP_SECONDS));
    }
    if (DURATION_SECONDS > 0) {
      profile.add(constantUsersPerSec(RATE).during(DURATION_SECONDS));
    }
    if (profile.isEmpty()) {
      throw new IllegalArgumentException("RAMP_SECONDS and DURATION_SECONDS are both 0: nothing to run");
    }

    System.out.printf(
        Locale.ROOT,
        "PayNowSimulation: BASE_URL=%s RATE=%s users/s RAMP_SECONDS=%d DURATION_SECONDS=%d%n",
        BASE_URL, RATE, RAMP_SECONDS, DURATION_SECONDS);

    setUp(payNow.injectOpen(profile)).protocols(httpProtocol);
  }

  /** Creates the client's fixtures through the API before the load starts (not measured). */
  static final class Fixtures {
    private Fixtures() {}

    static String create(String path, String json) {
      try {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(URI.create(Knobs.requireLoopback(BASE_URL) + path))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException("creating a fixture with POST " + path + " answered "
              + response.statusCode() + ": " + response.body());
        }
        return response.body().replaceAll("(?s).*\"id\":\"([a-z]+_[A-Z0-9]+)\".*", "$1");
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the gateway at " + BASE_URL + " did not answer: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Reads knobs from system properties, then environment variables, then defaults. */
  static final class Knobs {
    private Knobs() {}

    static String string(String name, String defaultValue) {
      String value = System.getProperty(name);
      if (value == null || value.isBlank()) {
        value = System.getenv(name);
      }
      return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static double positiveDouble(String name, double defaultValue) {
      String raw = string(name, null);
      if (raw == null) {
        return defaultValue;
      }
      try {
        double value = Double.parseDouble(raw);
        if (!(value > 0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException(name + " must be > 0, got " + raw);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, got " + raw, e);
      }
    }

    static int nonNegativeInt(String name, int defaultValue) {
      String raw = string(name, null);
      if (raw == null) {
        return defaultValue;
      }
      try {
        int value = Integer.parseInt(raw);
        if (value < 0) {
          throw new IllegalArgumentException(name + " must be >= 0, got " + raw);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be an integer, got " + raw, e);
      }
    }

    /**
     * Load is only ever sent to a gateway on this machine (loopback). Refuses anything else
     * so that a mistyped BASE_URL cannot point a load generator at someone else's host.
     */
    static String requireLoopback(String baseUrl) {
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("BASE_URL is not a valid URL: " + baseUrl, e);
      }
      String host = uri.getHost();
      if (host == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("BASE_URL must be http(s)://host[:port], got " + baseUrl);
      }
      boolean loopback;
      if ("localhost".equalsIgnoreCase(host)) {
        loopback = true;
      } else {
        try {
          // Literal IPs only: getByName does no DNS lookup for them. Host names other than
          // localhost are rejected rather than resolved.
          String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
          loopback =
              (literal.matches("[0-9.]+") || literal.contains(":"))
                  && InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
          loopback = false;
        }
      }
      if (!loopback) {
        throw new IllegalArgumentException(
            "BASE_URL must point at this machine (localhost, 127.0.0.0/8 or [::1]), got " + baseUrl);
      }
      return baseUrl;
    }
  }
}
