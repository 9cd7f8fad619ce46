package dev.billpay.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.billpay.sdk.model.Problem;
import dev.billpay.sdk.problems.ProblemExceptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Sends calls with java.net.http: credentials, one idempotency key per call, retries, problem exceptions. */
final class HttpTransport implements Transport {
  static final String REQUEST_ID = "X-Request-Id";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private final HttpClient http;
  private final URI base;
  private final String apiKey;
  private final String adminToken;
  private final Duration requestTimeout;
  private final RetryPolicy retries;
  private final Consumer<RetryAttempt> onRetry;

  HttpTransport(HttpClient http, URI base, String apiKey, String adminToken, Duration requestTimeout,
      RetryPolicy retries, Consumer<RetryAttempt> onRetry) {
    this.http = http;
    this.base = base;
    this.apiKey = apiKey;
    this.adminToken = adminToken;
    this.requestTimeout = requestTimeout;
    this.retries = retries;
    this.onRetry = onRetry;
  }

  @Override
  public <T> T send(Call call, Class<T> answer) {
    // made once per call, before the first attempt: every retry must carry the same key, or a retry of a
    // request that did get through would be a second payment
    String key = !call.idempotent() ? null
        : call.options().idempotencyKey() != null ? call.options().idempotencyKey() : UUID.randomUUID().toString();
    HttpRequest request = request(call, key);
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        // a connection never made cannot have done anything; one dropped after sending may have
        boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        if (attempt >= retries.maxAttempts() || !(neverSent || call.replaySafe())) {
          throw new BillpayConnectionException(call.method() + " " + call.path() + ": " + e, e, attempt, key);
        }
        pause(call, attempt, 0, e.toString(), retries.backoff(attempt, null), key);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BillpayConnectionException("interrupted", e, attempt, key);
      }
      if (response.statusCode() < 300) {
        return decode(response, answer, attempt);
      }
      BillpayProblemException problem = problem(response, attempt);
      Duration retryAfter = problem.retryAfter().orElse(null);
      boolean waitable = retryAfter == null || retryAfter.compareTo(retries.maxRetryAfter()) <= 0;
      if (attempt >= retries.maxAttempts() || !waitable || !retries.retries(problem.status(), problem.slug())) {
        throw problem;
      }
      pause(call, attempt, problem.status(), problem.slug(), retries.backoff(attempt, retryAfter), key);
    }
  }

  private HttpRequest request(Call call, String key) {
    String query = call.query().stream().map(e -> Call.encode(e.getKey()) + "=" + Call.encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(call.path() + (query.isEmpty() ? "" : "?" + query)))
        .timeout(requestTimeout)
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", "billpay-sdk-java/" + BillpayClient.VERSION);
    String credential = switch (call.auth()) {
      case API_KEY -> required(apiKey, "an API key (BillpayClient.builder().apiKey)");
      case ADMIN_TOKEN -> required(adminToken, "the admin token (BillpayClient.builder().adminToken)");
      case NONE -> null;
    };
    if (credential != null) {
      b.header("Authorization", "Bearer " + credential);
    }
    if (key != null) {
      b.header(IDEMPOTENCY_KEY, key);
    }
    if (call.options().requestId() != null) {
      b.header(REQUEST_ID, call.options().requestId());
    }
    call.headers().forEach(b::header);
    if (call.body() == null) {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", call.contentType());
      b.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body() instanceof String text ? text
          : json(call.body())));
    }
    return b.build();
  }

  private static String required(String credential, String what) {
    if (credential == null) {
      throw new IllegalStateException("this operation needs " + what);
    }
    return credential;
  }

  private static String json(Object body) {
    try {
      return BillpayJson.shared().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body not serialisable: " + e.getMessage(), e);
    }
  }

  private void pause(Call call, int attempt, int status, String reason, Duration delay, String key) {
    onRetry.accept(new RetryAttempt(call.method(), call.path(), attempt, status, reason, delay, key));
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BillpayConnectionException("interrupted while waiting to retry", e, attempt, key);
    }
  }

  private static <T> T decode(HttpResponse<String> response, Class<T> answer, int attempt) {
    if (answer == Void.class) {
      return null;
    }
    if (answer == String.class) {
      return answer.cast(response.body());
    }
    try {
      return BillpayJson.shared().readValue(response.body(), answer);
    } catch (JsonProcessingException e) {
      throw new BillpayException("answer is not a " + answer.getSimpleName() + ": " + e.getOriginalMessage(), e,
          attempt);
    }
  }

  private static BillpayProblemException problem(HttpResponse<String> response, int attempt) {
    String requestId = response.headers().firstValue(REQUEST_ID).orElse(null);
    Problem problem = null;
    try {
      problem = BillpayJson.shared().readValue(response.body(), Problem.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // not a problem document (a proxy's error page, say): described below from the status alone
    }
    if (problem == null || problem.type() == null) {
      String body = response.body() == null ? "" : response.body();
      problem = Problem.of("about:blank", "HTTP " + response.statusCode(), (long) response.statusCode(),
          body.substring(0, Math.min(200, body.length())), requestId);
    }
    return ProblemExceptions.of(problem, requestId != null ? requestId : problem.instance(),
        retryAfter(response.headers().firstValue("Retry-After").orElse(null)), attempt);
  }

  /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(),
            DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }
}
