package dev.billpay.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Open-model schedule: requests are due at fixed times, whatever the answers")
class OpenScheduleTest {

  @Test
  @DisplayName("at 4 requests/s they are due every 250 ms from the start")
  void evenlySpaced() {
    OpenSchedule s = new OpenSchedule(4, 1_000);
    assertThat(s.dueAt(0)).isEqualTo(1_000);
    assertThat(s.dueAt(1)).isEqualTo(1_000 + 250_000_000L);
    assertThat(s.dueAt(8)).isEqualTo(1_000 + 2_000_000_000L);
  }

  @Test
  @DisplayName("a window of 10 s at 500/s holds exactly 5,000 requests, the one due at its end excluded")
  void countInWindow() {
    OpenSchedule s = new OpenSchedule(500, 0);
    assertThat(s.countBefore(10_000_000_000L)).isEqualTo(5_000);
    assertThat(s.countBefore(10_000_000_001L)).isEqualTo(5_001);
    assertThat(s.countBefore(0)).isZero();
    assertThat(s.countBefore(1)).isEqualTo(1);
  }

  @Test
  @DisplayName("countBefore agrees with dueAt for any rate and window (seeded; the seed is in the message)")
  void countAgreesWithDueTimes() {
    long seed = 20261130L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      double rate = 0.5 + random.nextDouble() * 50_000;
      long start = random.nextLong(1_000_000_000_000L);
      long elapsed = 1 + random.nextLong(60_000_000_000L);
      OpenSchedule s = new OpenSchedule(rate, start);
      long n = s.countBefore(elapsed);
      String why = "seed " + seed + ", rate " + rate + ", elapsed " + elapsed;
      assertThat(s.dueAt(n - 1)).as(why).isLessThan(start + elapsed);
      assertThat(s.dueAt(n)).as(why).isGreaterThanOrEqualTo(start + elapsed);
    }
  }

  @Test
  @DisplayName("due times never go backwards, even at rates that do not divide a second")
  void monotonic() {
    OpenSchedule s = new OpenSchedule(333.3, 0);
    for (long i = 1; i < 100_000; i++) {
      assertThat(s.dueAt(i)).isGreaterThan(s.dueAt(i - 1));
    }
  }

  @Test
  @DisplayName("a rate that is not a positive number is refused")
  void badRate() {
    assertThatThrownBy(() -> new OpenSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenSchedule(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenSchedule(Double.POSITIVE_INFINITY, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
