package dev.billpay.benchmark;

import java.util.Map;

/**
 * The load generator's view of one phase's measured window: successful and failed operations,
 * (open model) how many were due and how many never got an answer, every answer that arrived in the
 * window, the successful ones of the whole phase (warm-up included), and the latency of the
 * successful ones in microseconds.
 */
record PhaseOutcome(long ok, long errors, long due, long unanswered, long answeredInWindow, long okTotal,
    double seconds, LatencySummary latency, Map<String, Long> errorKinds) {

  /** Successful operations per second of the window. */
  double throughput() {
    return seconds > 0 ? ok / seconds : 0;
  }

  /** Errors including operations that were never answered (open model). */
  long allErrors() {
    return errors + unanswered;
  }
}
