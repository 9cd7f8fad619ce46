package dev.billpay.benchmark;

import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run measured, with what the report needs to describe it: the machine, the knobs,
 * the gateway's own settings that matter, the servers' durability, every phase, the pipeline lags
 * and the notes (the operator's and those the run made itself).
 */
record BenchmarkResults(Instant startedAt, MachineDescription machine, BenchmarkSettings settings,
    GatewaySetup gateway, double offeredRate, List<PhaseResult> phases, List<GatewayLag> lags, List<String> notes,
    String command) {

  /**
   * The gateway's side of the settings: verticles, PostgreSQL pool, what the benchmark overrode, and
   * the JVM flags the gateway and its server JVMs run with.
   */
  record GatewaySetup(int httpVerticles, int pgPoolSize, String durability, List<String> overrides,
      List<String> jvmFlags) {}

  /** Accept-to-Kafka (every created event of the window) and accept-to-Cassandra (a sample) lags, in ms. */
  record GatewayLag(Model model, LatencySummary kafka, LatencySummary cassandra, int cassandraSampled,
      int cassandraMissing) {}

  BenchmarkResults withLags(List<GatewayLag> measured) {
    return new BenchmarkResults(startedAt, machine, settings, gateway, offeredRate, phases, List.copyOf(measured),
        notes, command);
  }

  Optional<PhaseResult> phase(Subject subject, Model model) {
    return phases.stream().filter(p -> p.subject() == subject && p.model() == model).findFirst();
  }

  /** Peak throughput of a subject, or 0 when its closed-loop phase did not run. */
  double peak(Subject subject) {
    return phase(subject, Model.CLOSED).map(p -> p.outcome().throughput()).orElse(0.0);
  }
}
