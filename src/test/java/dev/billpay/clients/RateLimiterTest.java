package dev.billpay.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-client token bucket")
class RateLimiterTest {

  @Test
  @DisplayName("a burst is allowed, then requests wait for refill, and clients do not share buckets")
  void bucket() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(10, 3, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    assertThat(limiter.acquire("b")).isZero();
    now.addAndGet(100_000_000L); // 0.1 s at 10/s refills one token
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    now.addAndGet(10_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).as("refilled up to the burst only").isZero();
    }
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }
}
