package dev.billpay.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every simulation shares: where the gateway is and the key it is called with, the HTTP
 * protocol, the open injection profile (RATE, RAMP_SECONDS, DURATION_SECONDS), and the client's
 * fixtures and seed data, created through the API before the load starts (so not measured).
 */
final class LoadTest {
  static final String BASE_URL =
      Knobs.string("BASE_URL", "http://localhost:8080").replaceAll("/+$", "");
  static final String API_KEY = Knobs.string("API_KEY", "bp_test_dev_key_embedded_default");
  static final double RATE = Knobs.positiveDouble("RATE", 50);
  static final int RAMP_SECONDS = Knobs.nonNegativeInt("RAMP_SECONDS", 10);
  static final int DURATION_SECONDS = Knobs.nonNegativeInt("DURATION_SECONDS", 30);
  /** Part of every key and reference a run makes up, so a second run on the same data never collides. */
  static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  static final String FUNDING_ACCOUNT_JSON = "{\"type\":\"us_bank_account\",\"holder_name\":\"Load Test\","
      + "\"routing_number\":\"021000021\",\"account_number\":\"000123456789\",\"account_type\":\"checking\"}";
  static final String PAYEE_JSON = "{\"display_name\":\"Load Test Utility\",\"biller_id\":\"blr_loadtest\","
      + "\"account_number\":\"5500000012345678\"}";

  private static final Pattern ID = Pattern.compile("\"id\":\"([a-z]+_[A-Z0-9]+)\"");
  private static final HttpClient SETUP = HttpClient.newHttpClient();

  private LoadTest() {}

  static HttpProtocolBuilder httpProtocol() {
    return http.baseUrl(Knobs.requireLoopback(BASE_URL))
        .acceptHeader("application/json")
        .authorizationHeader("Bearer " + API_KEY)
        // One connection pool for all virtual users, like a real client fleet behind a
        // keep-alive pool, rather than one connection per (short-lived) virtual user.
        .shareConnections()
        // Warm-up would fetch https://gatling.io; only Maven Central is reachable here.
        .disableWarmUp();
  }

  /** Open model: from 1 to RATE users/s over RAMP_SECONDS, then RATE users/s for DURATION_SECONDS. */
  static List<OpenInjectionStep> openProfile() {
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
    return profile;
  }

  static void announce(String simulation, String ownKnobs) {
    System.out.printf(Locale.ROOT, "%s: BASE_URL=%s RATE=%s users/s RAMP_SECONDS=%d DURATION_SECONDS=%d%s%n",
        simulation, BASE_URL, RATE, RAMP_SECONDS, DURATION_SECONDS, ownKnobs.isEmpty() ? "" : " " + ownKnobs);
  }

  /** FUNDING_ACCOUNT_ID if given, else a new funding account of the client. */
  static String fundingAccount() {
    String given = Knobs.string("FUNDING_ACCOUNT_ID", null);
    return given != null ? given : create("/v1/funding-accounts", FUNDING_ACCOUNT_JSON);
  }

  /** PAYEE_ID if given, else a new payee of the client. */
  static String payee() {
    String given = Knobs.string("PAYEE_ID", null);
    return given != null ? given : create("/v1/payees", PAYEE_JSON);
  }

  /** A payment's body; the values may be Gatling expressions such as {@code #{amount}}. */
  static String paymentJson(String fundingAccount, String payee, Object amount, String reference) {
    return "{\"funding_account_id\":\"" + fundingAccount + "\",\"payee_id\":\"" + payee + "\","
        + "\"amount\":" + amount + ",\"currency\":\"USD\",\"reference\":\"" + reference + "\"}";
  }

  /** Creates a payment before the load (seed data); answers its id. */
  static String createPayment(String fundingAccount, String payee, long amount) {
    return create("/v1/payments", paymentJson(fundingAccount, payee, amount, "lt-seed-" + UUID.randomUUID()));
  }

  /** POSTs with a fresh Idempotency-Key, expects 201 and answers the new resource's id. */
  static String create(String path, String json) {
    HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(json)), "POST " + path);
    if (response.statusCode() != 201) {
      throw new IllegalStateException("setting up with POST " + path + " answered "
          + response.statusCode() + ": " + response.body());
    }
    Matcher id = ID.matcher(response.body());
    if (!id.find()) {
      throw new IllegalStateException("POST " + path + " answered no id: " + response.body());
    }
    return id.group(1);
  }

  /** GETs and answers the body of a 200. */
  static String get(String pathAndQuery) {
    HttpResponse<String> response = send(request(pathAndQuery).GET(), "GET " + pathAndQuery);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode()
          + ": " + response.body());
    }
    return response.body();
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(Knobs.requireLoopback(BASE_URL) + pathAndQuery))
        .header("Authorization", "Bearer " + API_KEY);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String what) {
    try {
      return SETUP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the gateway at " + BASE_URL + " did not answer " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
