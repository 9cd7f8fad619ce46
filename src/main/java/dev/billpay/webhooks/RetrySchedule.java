package dev.billpay.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When failed webhook deliveries are tried again: a fixed list of delays, the first attempt being
 * immediate, each delay spread by ±20% so that deliveries which failed together (an endpoint that
 * was down) do not all come back at the same instant.
 *
 * <p>The production default is {@code 5,300,1800,7200,18000,36000,36000,86400,86400}: ten
 * attempts over about 3.1 days, long enough to ride out a weekend outage.
 *
 * @param delays the delay before attempt 2, 3, …, in order; never empty, none negative
 */
public record RetrySchedule(List<Duration> delays) {
  // a year: anything longer is surely a typo, and the cap keeps the millisecond arithmetic far from overflow
  private static final long MAX_DELAY_SECONDS = 365L * 24 * 60 * 60;

  /** Copies and checks the delays. */
  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule needs at least one delay");
    }
    for (Duration d : delays) {
      if (d.isNegative() || d.getSeconds() > MAX_DELAY_SECONDS) {
        throw new IllegalArgumentException("retry delays must be between 0 and " + MAX_DELAY_SECONDS
            + " seconds, got " + d.getSeconds());
      }
    }
  }

  /**
   * Reads comma-separated delays in whole seconds, e.g. {@code "5,300,1800"}; blanks around an
   * entry are ignored.
   *
   * @throws IllegalArgumentException naming the offending entry when the list is empty or an entry
   *     is empty, not a whole number, negative or longer than a year
   */
  public static RetrySchedule parse(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new IllegalArgumentException("retry schedule is empty: expected comma-separated seconds, e.g. 5,300,1800");
    }
    // limit -1 keeps trailing empty entries, so "5,300," is reported instead of silently accepted
    String[] entries = csv.split(",", -1);
    List<Duration> delays = new ArrayList<>(entries.length);
    for (int i = 0; i < entries.length; i++) {
      delays.add(Duration.ofSeconds(seconds(entries[i].strip(), i + 1)));
    }
    return new RetrySchedule(delays);
  }

  private static long seconds(String entry, int position) {
    String where = "retry schedule entry " + position;
    if (entry.isEmpty()) {
      throw new IllegalArgumentException(where + " is empty: expected comma-separated seconds, e.g. 5,300,1800");
    }
    long seconds;
    try {
      seconds = Long.parseLong(entry);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + " ('" + entry + "') is not a whole number of seconds");
    }
    if (seconds < 0) {
      throw new IllegalArgumentException(where + " (" + seconds + ") is negative");
    }
    if (seconds > MAX_DELAY_SECONDS) {
      throw new IllegalArgumentException(where + " (" + seconds + ") is longer than a year");
    }
    return seconds;
  }

  /** Attempts in all, counting the first, immediate one. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /**
   * How long to wait after attempt {@code attemptNumber} (1-based, the attempt that just failed)
   * before the next one: the configured delay, uniformly jittered within ±20% at millisecond
   * resolution; empty when that attempt was the last.
   */
  public Optional<Duration> delayAfterAttempt(int attemptNumber, RandomGenerator random) {
    if (attemptNumber < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1, got " + attemptNumber);
    }
    if (attemptNumber > delays.size()) {
      return Optional.empty();
    }
    long base = delays.get(attemptNumber - 1).toMillis();
    // 20% in integer milliseconds: the result stays inside [0.8, 1.2] × base exactly, never negative
    long spread = base / 5;
    return Optional.of(Duration.ofMillis(base + random.nextLong(-spread, spread + 1)));
  }

  /** The sum of the delays without jitter: roughly how long a delivery is retried before failing. */
  public Duration total() {
    return delays.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
