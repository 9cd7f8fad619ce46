package dev.billpay.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Phase recording: only the measured window counts, errors apart from latencies")
class PhaseRecorderTest {
  private static final long MS = 1_000_000;
  // warm-up 0..1 s, measured 1..3 s
  private final LoadGenerator.Window window = new LoadGenerator.Window(0, 1_000 * MS, 2_000 * MS, 30_000 * MS);

  @Test
  @DisplayName("closed loop: answers arriving in the window count, those of the warm-up do not")
  void closed() {
    PhaseRecorder r = new PhaseRecorder(window);
    r.closedAnswer(500 * MS, 900 * MS, Future.succeededFuture());
    r.closedAnswer(900 * MS, 1_100 * MS, Future.succeededFuture());
    r.closedAnswer(1_200 * MS, 1_205 * MS, Future.failedFuture(new PhaseRecorder.StatusException(503)));
    r.closedAnswer(2_999 * MS, 3_001 * MS, Future.succeededFuture());
    PhaseOutcome o = r.outcome(0);
    assertThat(o.ok()).isEqualTo(1);
    assertThat(o.errors()).isEqualTo(1);
    assertThat(o.errorKinds()).containsEntry("HTTP 503", 1L);
    assertThat(o.answeredInWindow()).isEqualTo(2);
    assertThat(o.okTotal()).isEqualTo(3);
    assertThat(o.latency().p50()).isBetween(199_000L, 201_000L);
    assertThat(o.throughput()).isEqualTo(0.5);
  }

  @Test
  @DisplayName("open model: requests DUE in the window count, with latency from their due time")
  void open() {
    PhaseRecorder r = new PhaseRecorder(window);
    r.sent(950 * MS);
    r.openAnswer(950 * MS, 1_050 * MS, Future.succeededFuture());
    r.sent(1_000 * MS);
    r.openAnswer(1_000 * MS, 1_030 * MS, Future.succeededFuture());
    r.sent(2_990 * MS);
    r.openAnswer(2_990 * MS, 3_500 * MS, Future.succeededFuture());
    r.sent(2_995 * MS);
    PhaseOutcome o = r.outcome(1);
    assertThat(o.due()).isEqualTo(3);
    assertThat(o.ok()).isEqualTo(2);
    assertThat(o.unanswered()).isEqualTo(1);
    assertThat(o.allErrors()).isEqualTo(1);
    assertThat(o.answeredInWindow()).isEqualTo(2);
    assertThat(o.latency().max()).isBetween(509_000L, 511_000L);
  }

  @Test
  @DisplayName("an exception's kind is its class and first line, shortened")
  void kinds() {
    assertThat(PhaseRecorder.kind(new IllegalStateException("boom\nstack"))).isEqualTo("IllegalStateException: boom");
    assertThat(PhaseRecorder.kind(new RuntimeException("x".repeat(300)))).hasSize(123);
  }

  @Test
  @DisplayName("percentiles: nearest rank for small exact sets, HdrHistogram for latencies")
  void percentiles() {
    long[] lags = new long[100];
    for (int i = 0; i < 100; i++) {
      lags[i] = 100 - i;
    }
    assertThat(LatencySummary.exact(lags)).isEqualTo(new LatencySummary(100, 50, 95, 99, 100));
    assertThat(LatencySummary.exact(new long[] {7})).isEqualTo(new LatencySummary(1, 7, 7, 7, 7));
    assertThat(LatencySummary.exact(new long[0])).isEqualTo(LatencySummary.EMPTY);
    Histogram h = new Histogram(3_600_000_000L, 3);
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i);
    }
    LatencySummary s = LatencySummary.of(h);
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50()).isEqualTo(500);
    assertThat(s.p99()).isEqualTo(990);
    assertThat(s.max()).isEqualTo(1000);
  }
}
