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
    String command, Extras extras) {

  BenchmarkResults {
    extras = extras == null ? Extras.NONE : extras;
  }

  /**
   * The optional parts' results: the soak (null when not run), the profile (null when not asked for)
   * and, with --webhooks, how many clients had an endpoint and how many deliveries the receiver got.
   */
  record Extras(SoakRun.Result soak, Profile profile, int webhookClients, long webhooksReceived) {
    static final Extras NONE = new Extras(null, null, 0, 0);
  }

  /** The flame graph's file name (next to the report; null if none was written), the event sampled, any problem. */
  record Profile(String fileName, String event, String problem) {}

  /**
   * The gateway's side of the settings: verticles, PostgreSQL pool, what the benchmark overrode, and
   * the JVM flags the gateway and its server JVMs run with.
   */
  record GatewaySetup(int httpVerticles, int pgPoolSize, String durability, List<String> overrides,
      List<String> jvmFlags) {}

  /** Accept-to-Kafka (every created event of the window) and accept-to-Cassandra (a sample) lags, in ms. */
  record GatewayLag(Model model, LatencySummary kafka, LatencySummary cassandra, int cassandraSampled,
      int cassandraMissing, WebhookLag webhook) {}

  /**
   * Accept to the receiver's 200 (the delivery's completion) of the created events' deliveries, in ms,
   * and how many of those deliveries had not succeeded when read; null without --webhooks.
   */
  record WebhookLag(LatencySummary delivered, int notDelivered) {}

  BenchmarkResults withLags(List<GatewayLag> measured) {
    return new BenchmarkResults(startedAt, machine, settings, gateway, offeredRate, phases, List.copyOf(measured),
        notes, command, extras);
  }

  BenchmarkResults withExtras(Extras more) {
    return new BenchmarkResults(startedAt, machine, settings, gateway, offeredRate, phases, lags, notes, command, more);
  }

  Optional<PhaseResult> phase(Subject subject, Model model) {
    return phases.stream().filter(p -> p.subject() == subject && p.model() == model).findFirst();
  }

  /** Peak throughput of a subject, or 0 when its closed-loop phase did not run. */
  double peak(Subject subject) {
    return phase(subject, Model.CLOSED).map(p -> p.outcome().throughput()).orElse(0.0);
  }
}
