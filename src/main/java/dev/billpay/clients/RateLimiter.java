package dev.billpay.clients;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, shared by every event loop of the process: {@code ratePerSecond}
 * tokens refill continuously up to {@code burst}. Each request takes one token or is refused with
 * the seconds until the next token.
 */
public final class RateLimiter {
  private final double ratePerNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }
  }

  public RateLimiter(int ratePerSecond, int burst, LongSupplier nanoClock) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  public RateLimiter(int ratePerSecond, int burst) {
    this(ratePerSecond, burst, System::nanoTime);
  }

  /** 0 when the request may go ahead, else the whole seconds to wait (at least 1). */
  public long acquire(String clientId) {
    long now = nanoClock.getAsLong();
    Bucket b = buckets.computeIfAbsent(clientId, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.updatedAt) * ratePerNano);
      b.updatedAt = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerNano / 1e9));
    }
  }
}
