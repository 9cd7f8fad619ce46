package dev.billpay.sdk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a call is sent again, and after how long. Retried: a connection error (for a call that is safe to
 * repeat; a connection that was never made, always), 409 {@code idempotency-key-in-flight}, 429 and 503.
 * Never any other 4xx, nor 500: sending the same request again would get the same answer, or do it twice.
 *
 * <p>The delay before retry n is exponential with jitter: a random point in the upper half of
 * min(maxBackoff, initialBackoff × 2^(n-1)), so that many clients refused at once do not come back at once;
 * at least the Retry-After the gateway asked for. A Retry-After above maxRetryAfter is not waited for: the
 * problem is thrown.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
  public static final String IN_FLIGHT = "idempotency-key-in-flight";

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  /** Whether a problem answer is worth another attempt. */
  public boolean retries(int status, String slug) {
    return status == 429 || status == 503 || status == 409 && IN_FLIGHT.equals(slug);
  }

  /** The delay before the attempt after {@code failedAttempt} (1 for the first). */
  public Duration backoff(int failedAttempt, Duration retryAfter) {
    long cap = Math.min(maxBackoff.toMillis(),
        initialBackoff.toMillis() * (1L << Math.min(failedAttempt - 1, 30)));
    long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    return retryAfter != null && retryAfter.toMillis() > jittered ? retryAfter : Duration.ofMillis(jittered);
  }
}
