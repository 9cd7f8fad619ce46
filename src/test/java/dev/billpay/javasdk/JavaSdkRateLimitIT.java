package dev.billpay.javasdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.sdk.BillpayClient;
import dev.billpay.sdk.RetryAttempt;
import dev.billpay.sdk.RetryPolicy;
import dev.billpay.sdk.model.PaymentList;
import dev.billpay.sdk.problems.RateLimitedException;
import dev.billpay.testing.GatewayExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK against a gateway whose per-client rate limit (rate-limit.requests-per-second, .burst) is set low. */
@DisplayName("The Java SDK against a rate-limited gateway")
class JavaSdkRateLimitIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_RATE_LIMIT_REQUESTS_PER_SECOND", "2", "BILLPAY_RATE_LIMIT_BURST", "2"));

  @Test
  @DisplayName("429s are retried after their Retry-After until every call succeeds; with one attempt the 429 is thrown")
  void retriesAfterRetryAfter() {
    String key = JavaSdkIT.newClientKey("sdk-rate-limited");
    List<RetryAttempt> retries = new CopyOnWriteArrayList<>();
    BillpayClient patient = BillpayClient.builder().baseUrl(JavaSdkIT.BASE).apiKey(key).onRetry(retries::add)
        .retryPolicy(new RetryPolicy(10, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(10)))
        .build();

    long started = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      PaymentList page = patient.listPayments();
      assertThat(page.data()).isEmpty();
    }

    assertThat(retries).as("some calls were refused with 429 and retried").isNotEmpty()
        .allSatisfy(r -> {
          assertThat(r.status()).isEqualTo(429);
          assertThat(r.reason()).isEqualTo("rate-limited");
          // the gateway's Retry-After is whole seconds, at least 1, and the backoff here is at most 200 ms
          assertThat(r.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

    BillpayClient impatient = BillpayClient.builder().baseUrl(JavaSdkIT.BASE).apiKey(key).maxAttempts(1).build();
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10; i++) {
        impatient.listPayments();
      }
    }).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
      assertThat(e.requestId()).startsWith("req_");
    });
  }
}
