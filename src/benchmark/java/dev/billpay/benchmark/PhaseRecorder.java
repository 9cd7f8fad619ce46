package dev.billpay.benchmark;

import io.vertx.core.AsyncResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one phase saw, recorded on the load generator's event loop (single-threaded, no locks). The
 * closed model counts operations ANSWERED in the window; the open model those DUE in the window,
 * with latency from the due time. Both count every answer that arrived in the window, which is what
 * the CPU figures are divided by.
 */
final class PhaseRecorder {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
  private final LoadGenerator.Window window;
  private final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
  private final Map<String, Long> errorKinds = new LinkedHashMap<>();
  private long ok;
  private long errors;
  private long due;
  private long answeredInWindow;
  private long okTotal;

  PhaseRecorder(LoadGenerator.Window window) {
    this.window = window;
  }

  void closedAnswer(long start, long end, AsyncResult<?> result) {
    okTotal += result.succeeded() ? 1 : 0;
    if (window.contains(end)) {
      answeredInWindow++;
      count(end - start, result);
    }
  }

  void sent(long dueNanos) {
    if (window.contains(dueNanos)) {
      due++;
    }
  }

  void openAnswer(long dueNanos, long end, AsyncResult<?> result) {
    okTotal += result.succeeded() ? 1 : 0;
    if (window.contains(end)) {
      answeredInWindow++;
    }
    if (window.contains(dueNanos)) {
      count(end - dueNanos, result);
    }
  }

  private void count(long nanos, AsyncResult<?> result) {
    if (result.succeeded()) {
      ok++;
      latencyMicros.recordValue(Math.max(0, Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos))));
    } else {
      errors++;
      errorKinds.merge(kind(result.cause()), 1L, Long::sum);
    }
  }

  static String kind(Throwable failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (failure instanceof StatusException) {
      return message;
    }
    String first = message.lines().findFirst().orElse("");
    String text = failure.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }

  PhaseOutcome outcome(long unanswered) {
    double seconds = window.measureNanos() / 1e9;
    return new PhaseOutcome(ok, errors, due, unanswered, answeredInWindow, okTotal, seconds,
        LatencySummary.of(latencyMicros), Map.copyOf(errorKinds));
  }

  /** A non-2xx answer: counted as an error under "HTTP <status>". */
  static final class StatusException extends RuntimeException {
    StatusException(int status) {
      super("HTTP " + status, null, false, false);
    }
  }
}
