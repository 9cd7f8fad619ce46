package dev.billpay.benchmark;

import java.util.Map;

/**
 * One measured phase: which subject (a, b or c), which model, the offered rate (open model), what the
 * load generator saw, and the CPU over the measured window. {@code wholePhase} is the CPU from the
 * start of the warm-up until the pipeline was empty again, per payment of the whole phase (gateway
 * phases only; null otherwise), and {@code drainSeconds} how long the pipeline took to empty after
 * the load stopped (NaN when not measured, negative when it did not empty in time);
 * {@code gatewayThreads} the gateway JVM's CPU seconds in the window by thread group.
 */
record PhaseResult(Subject subject, Model model, double offeredRate, PhaseOutcome outcome, CpuUsage window,
    CpuUsage wholePhase, double drainSeconds, Map<String, Double> gatewayThreads) {

  enum Subject {
    RAW_POSTGRES("(a) raw PostgreSQL", "transactions"),
    RAW_POSTGRES_NO_NOTIFY("(a') raw PostgreSQL without NOTIFY", "transactions"),
    IN_MEMORY("(b) in-memory endpoint", "requests"),
    GATEWAY("(c) gateway", "payments");

    final String title;
    final String unit;

    Subject(String title, String unit) {
      this.title = title;
      this.unit = unit;
    }
  }

  enum Model {
    CLOSED("peak, closed loop"),
    OPEN("fixed offered load, open model");

    final String title;

    Model(String title) {
      this.title = title;
    }
  }

  String title() {
    return subject.title + ", " + model.title;
  }
}
