package dev.billpay.clients;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts key revocations made in this process. Each API verticle caches key lookups on its own event
 * loop; the revoking request moves this counter before it answers, and every cache that sees a new
 * value drops its entries, so a revoked key is refused by the very next request, on any event loop.
 * (Other gateway processes forget it within the cache's few seconds.)
 */
public final class KeyRevocations {
  private final AtomicLong count = new AtomicLong();

  public long current() {
    return count.get();
  }

  public void revoked() {
    count.incrementAndGet();
  }
}
