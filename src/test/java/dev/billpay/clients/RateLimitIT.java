package dev.billpay.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Per-client rate limit")
class RateLimitIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1", "BILLPAY_RATE_LIMIT_BURST", "3"));
  private static final Api api = new Api();

  @Test
  @DisplayName("past the burst a client gets 429 problem+json with Retry-After, while health stays open")
  void overTheLimit() {
    List<Api.Response> responses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      responses.add(api.get(Api.DEV_KEY, "/v1/payments?limit=1"));
    }
    assertThat(responses.subList(0, 3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    // 20 requests cannot all fit in a bucket of 3 refilled at 1/s unless they took 17 s
    Api.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(limited.json().getString("type")).endsWith("/rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
    assertThat(api.get(null, "/health/live").status()).isEqualTo(200);
  }
}
