package dev.billpay.sdk;

import static dev.billpay.sdk.ScriptedServer.json;
import static dev.billpay.sdk.ScriptedServer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.sdk.model.CreatePaymentRequest;
import dev.billpay.sdk.problems.DependencyUnavailableException;
import dev.billpay.sdk.problems.DuplicateReferenceException;
import dev.billpay.sdk.problems.InternalException;
import dev.billpay.sdk.problems.RateLimitedException;
import dev.billpay.sdk.problems.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("What the client retries, with which key, after how long, and what it throws")
class RetriesTest {
  private static final String PAYMENT = "{\"id\":\"pay_1\",\"object\":\"payment\",\"status\":\"pending\",\"amount\":12550,"
      + "\"currency\":\"USD\",\"speed\":\"standard\"}";
  private final ScriptedServer server = new ScriptedServer();
  private final List<RetryAttempt> retries = new CopyOnWriteArrayList<>();

  RetriesTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  private BillpayClient client(int attempts) {
    return BillpayClient.builder().baseUrl(server.url()).apiKey("bp_test_k").onRetry(retries::add)
        .retryPolicy(new RetryPolicy(attempts, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5)))
        .build();
  }

  private static CreatePaymentRequest payment() {
    return CreatePaymentRequest.of("fa_1", "pe_1", 12550L, "USD");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"503, dependency-unavailable", "429, rate-limited", "409, idempotency-key-in-flight"})
  @DisplayName("a retryable problem is retried with the same Idempotency-Key until it succeeds")
  void retriedWithTheSameKey(int status, String slug) {
    server.then(problem(status, slug, null)).then(problem(status, slug, null)).then(json(201, PAYMENT));

    assertThat(client(4).createPayment(payment()).id()).isEqualTo("pay_1");

    assertThat(server.received).hasSize(3);
    String key = server.received.get(0).header("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(server.received).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(key));
    assertThat(retries).extracting(RetryAttempt::status).containsExactly(status, status);
    assertThat(retries).extracting(RetryAttempt::idempotencyKey).containsOnly(key);
  }

  @Test
  @DisplayName("two calls get two keys: the key belongs to a call, not to the client")
  void aKeyPerCall() {
    server.then(json(201, PAYMENT)).then(json(201, PAYMENT));
    BillpayClient client = client(1);
    client.createPayment(payment());
    client.createPayment(payment());
    assertThat(server.received.get(0).header("Idempotency-Key"))
        .isNotEqualTo(server.received.get(1).header("Idempotency-Key"));
  }

  @Test
  @DisplayName("a key given in RequestOptions is the one sent, and the request id too")
  void givenKey() {
    server.then(json(201, PAYMENT));
    client(1).createPayment(payment(), RequestOptions.idempotencyKey("order-42").withRequestId("my-req-1"));
    assertThat(server.received.get(0).header("Idempotency-Key")).isEqualTo("order-42");
    assertThat(server.received.get(0).header("X-Request-Id")).isEqualTo("my-req-1");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"400, validation", "401, unauthorized", "404, not-found", "409, duplicate-reference",
      "422, idempotency-key-reused", "500, internal"})
  @DisplayName("any other problem is thrown after one attempt")
  void notRetried(int status, String slug) {
    server.then(problem(status, slug, null)).then(json(201, PAYMENT));
    assertThatThrownBy(() -> client(4).createPayment(payment())).isInstanceOfSatisfying(
        BillpayProblemException.class, e -> {
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.slug()).isEqualTo(slug);
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(server.received).hasSize(1);
  }

  @Test
  @DisplayName("a problem becomes its type's exception, with errors[], status, type and the X-Request-Id answer header")
  void typedProblem() {
    server.then(problem(400, "validation", null)).then(problem(409, "duplicate-reference", null))
        .then(problem(500, "internal", null));
    BillpayClient client = client(1);
    assertThatThrownBy(() -> client.createPayment(payment())).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e).isInstanceOf(ClientProblemException.class);
      assertThat(e.type()).isEqualTo("https://billpay-gateway.dev/problems/validation");
      assertThat(e.requestId()).isEqualTo("req_1");
      assertThat(e.errors()).singleElement().satisfies(f -> {
        assertThat(f.field()).isEqualTo("amount");
        assertThat(f.code()).isEqualTo("amount.positive");
      });
    });
    assertThatThrownBy(() -> client.createPayment(payment())).isInstanceOf(DuplicateReferenceException.class);
    assertThatThrownBy(() -> client.createPayment(payment())).isInstanceOf(InternalException.class)
        .isInstanceOf(ServerProblemException.class);
  }

  @Test
  @DisplayName("when the attempts run out the last problem is thrown, with the number of attempts")
  void attemptsRunOut() {
    for (int i = 0; i < 3; i++) {
      server.then(problem(503, "dependency-unavailable", null));
    }
    assertThatThrownBy(() -> client(3).createPayment(payment()))
        .isInstanceOfSatisfying(DependencyUnavailableException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(server.received).hasSize(3);
  }

  @Test
  @DisplayName("429 waits at least its Retry-After; one longer than the policy allows is thrown at once")
  void retryAfter() {
    server.then(problem(429, "rate-limited", "1")).then(json(201, PAYMENT));
    client(2).createPayment(payment());
    long waited = server.received.get(1).atNanos() - server.received.get(0).atNanos();
    assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(retries.get(0).delay()).isEqualTo(Duration.ofSeconds(1));

    server.then(problem(429, "rate-limited", "600"));
    assertThatThrownBy(() -> client(5).createPayment(payment())).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(600)));
  }

  @Test
  @DisplayName("a connection refused is retried, then thrown as BillpayConnectionException with the call's key")
  void connectionRefused() {
    String url = server.url();
    server.close();
    BillpayClient client = BillpayClient.builder().baseUrl(url).apiKey("k").onRetry(retries::add)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1))).build();
    assertThatThrownBy(() -> client.createPayment(payment())).isInstanceOfSatisfying(
        BillpayConnectionException.class, e -> {
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.idempotencyKey()).isNotBlank();
        });
    assertThat(retries).hasSize(2).allSatisfy(r -> assertThat(r.status()).isZero());
  }

  @Test
  @DisplayName("the backoff grows exponentially with jitter in the upper half, and stops growing at the cap")
  void backoff() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(1, null).toMillis()).isBetween(50L, 100L);
      assertThat(policy.backoff(3, null).toMillis()).isBetween(200L, 400L);
      assertThat(policy.backoff(9, null).toMillis()).isBetween(500L, 1000L);
      assertThat(policy.backoff(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }
    long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> policy.backoff(4, null).toMillis())
        .distinct().count();
    assertThat(distinct).as("jitter").isGreaterThan(5);
  }

  @Test
  @DisplayName("an operation without Idempotency-Key sends none, and query parameters are encoded")
  void queryAndNoKey() {
    server.then(json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"next_cursor\":null}"));
    client(1).listPayments(dev.billpay.sdk.model.ListPaymentsParams.of().withLimit(5L)
        .withStatus(dev.billpay.sdk.model.PaymentStatus.NEEDS_REVIEW).withCreatedGte("2026-11-25T00:00:00+01:00"));
    ScriptedServer.Received r = server.received.get(0);
    assertThat(r.header("Idempotency-Key")).isNull();
    assertThat(r.header("Authorization")).isEqualTo("Bearer bp_test_k");
    assertThat(r.query()).isEqualTo("status=needs_review&created_gte=2026-11-25T00%3A00%3A00%2B01%3A00&limit=5");
  }
}
