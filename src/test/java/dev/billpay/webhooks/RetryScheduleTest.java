package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Webhook retry schedule")
class RetryScheduleTest {
  private static final String PRODUCTION_DEFAULT = "5,300,1800,7200,18000,36000,36000,86400,86400";
  private static final RetrySchedule DEFAULT = RetrySchedule.parse(PRODUCTION_DEFAULT);

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  @DisplayName("the production default makes ten attempts over about three days")
  void productionDefault() {
    assertThat(DEFAULT.maxAttempts()).isEqualTo(10);
    assertThat(DEFAULT.delays()).containsExactly(seconds(5), seconds(300), seconds(1800), seconds(7200),
        seconds(18000), seconds(36000), seconds(36000), seconds(86400), seconds(86400));
    assertThat(DEFAULT.total()).isEqualTo(seconds(272_105))
        .isBetween(Duration.ofHours(60), Duration.ofHours(84));
  }

  @Test
  @DisplayName("after the first failure the wait is 5 s ± 20%, after the last there is none")
  void delays() {
    RandomGenerator random = new SplittableRandom(42);

    assertThat(DEFAULT.delayAfterAttempt(1, random)).hasValueSatisfying(d ->
        assertThat(d).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000)));
    assertThat(DEFAULT.delayAfterAttempt(9, random)).hasValueSatisfying(d ->
        assertThat(d).isBetween(seconds(69_120), seconds(103_680)));
    assertThat(DEFAULT.delayAfterAttempt(10, random)).as("attempt 10 was the last").isEmpty();
    assertThat(DEFAULT.delayAfterAttempt(11, random)).isEmpty();
  }

  @Test
  @DisplayName("attempts are numbered from 1")
  void attemptZero() {
    assertThatThrownBy(() -> DEFAULT.delayAfterAttempt(0, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a single delay means two attempts; blanks around entries and a zero delay are fine")
  void small() {
    RetrySchedule once = RetrySchedule.parse(" 60 ");
    RetrySchedule zero = RetrySchedule.parse("0, 10");

    assertThat(once.maxAttempts()).isEqualTo(2);
    assertThat(once.delayAfterAttempt(1, new SplittableRandom(1))).isPresent();
    assertThat(once.delayAfterAttempt(2, new SplittableRandom(1))).isEmpty();
    assertThat(zero.delays()).containsExactly(Duration.ZERO, seconds(10));
    assertThat(zero.delayAfterAttempt(1, new SplittableRandom(1))).contains(Duration.ZERO);
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "''|empty",
      "'   '|empty",
      "'5,,300'|entry 2 is empty",
      "'5,300,'|entry 3 is empty",
      "'5,-1'|entry 2 (-1) is negative",
      "'5,abc'|entry 2 ('abc') is not a whole number",
      "'1.5'|entry 1 ('1.5') is not a whole number",
      "'99999999999999999999'|entry 1 ('99999999999999999999') is not a whole number",
      "'40000000'|entry 1 (40000000) is longer than a year"})
  @DisplayName("a malformed schedule is refused with a message naming the entry")
  void malformed(String csv, String message) {
    assertThatThrownBy(() -> RetrySchedule.parse(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("a missing schedule is refused")
  void missing() {
    assertThatThrownBy(() -> RetrySchedule.parse(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  @DisplayName("whatever the delay and random source, the jittered wait stays within ±20% of it")
  void jitterBounds() {
    qt().forAll(longs().between(0, 365L * 24 * 60 * 60), longs().all(), integers().between(1, 3))
        .checkAssert((delaySeconds, seed, attempt) -> {
          RetrySchedule schedule = RetrySchedule.parse("7," + delaySeconds + ",11");
          long base = schedule.delays().get(attempt - 1).toMillis();
          long waited = schedule.delayAfterAttempt(attempt, new SplittableRandom(seed)).orElseThrow().toMillis();
          // 5 × waited within [4, 6] × base is the ±20% band in exact integer arithmetic
          assertThat(5 * waited).isBetween(4 * base, 6 * base);
        });
  }

  @Test
  @DisplayName("the jitter really spreads retries across the whole ±20% band")
  void jitterSpreads() {
    RandomGenerator random = new SplittableRandom(7);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 2000; i++) {
      long ms = DEFAULT.delayAfterAttempt(2, random).orElseThrow().toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertThat(min).isBetween(240_000L, 246_000L);
    assertThat(max).isBetween(354_000L, 360_000L);
  }
}
