package dev.billpay.benchmark;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/** Percentiles of a latency distribution, in microseconds; {@code count} values were recorded. */
record LatencySummary(long count, long p50, long p95, long p99, long max) {
  static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

  static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(micros.getTotalCount(), micros.getValueAtPercentile(50),
        micros.getValueAtPercentile(95), micros.getValueAtPercentile(99), micros.getMaxValue());
  }

  /** Exact nearest-rank percentiles of a small set (pipeline lags, in whatever unit they are given). */
  static LatencySummary exact(long[] values) {
    if (values.length == 0) {
      return EMPTY;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  private static long rank(long[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
