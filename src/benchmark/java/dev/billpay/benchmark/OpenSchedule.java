package dev.billpay.benchmark;

/**
 * Arrival times of an open-model load: request {@code i} is due {@code i / rate} seconds after the
 * start, whatever happened to earlier requests. Latency is then measured from the due time, not from
 * the moment the request could be sent, so a stalled server cannot hide its stall (no coordinated
 * omission).
 */
record OpenSchedule(double ratePerSecond, long startNanos) {
  OpenSchedule {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, got " + ratePerSecond);
    }
  }

  private double intervalNanos() {
    return 1e9 / ratePerSecond;
  }

  /** When request {@code i} (0-based) is due, in {@link System#nanoTime()} terms. */
  long dueAt(long i) {
    return startNanos + (long) Math.floor(i * intervalNanos());
  }

  /** How many requests are due strictly before {@code startNanos + elapsedNanos}. */
  long countBefore(long elapsedNanos) {
    if (elapsedNanos <= 0) {
      return 0;
    }
    long n = (long) Math.ceil(elapsedNanos / intervalNanos());
    // floating point may be one off at exact multiples: settle it against dueAt itself
    while (n > 0 && dueAt(n - 1) >= startNanos + elapsedNanos) {
      n--;
    }
    while (dueAt(n) < startNanos + elapsedNanos) {
      n++;
    }
    return n;
  }
}
