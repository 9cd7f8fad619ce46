package dev.billpay.benchmark;

import static dev.billpay.benchmark.Markdown.count;
import static dev.billpay.benchmark.Markdown.millis;
import static dev.billpay.benchmark.Markdown.rate;
import static dev.billpay.benchmark.Markdown.ratio;

import dev.billpay.benchmark.BenchmarkResults.GatewayLag;
import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The headline ratio and the targets of issue 14 next to what this run measured. The report only
 * says whether each is met; a run never fails on a missed target.
 */
final class TargetsSection {
  static final double PEAK_TARGET = 1.0;
  static final long P99_TARGET_MICROS = 25_000;
  static final long KAFKA_P99_TARGET_MILLIS = 100;
  static final long CASSANDRA_P99_TARGET_MILLIS = 250;
  static final double CPU_GROWTH_TARGET = 1.25;
  static final double DRAIN_TARGET_SECONDS = 2.0;

  private TargetsSection() {}

  /** gateway / (a'), the raw one-transaction-per-payment ceiling without the NOTIFY trigger; NaN if (a') did not run. */
  static double headline(BenchmarkResults r) {
    double ceiling = r.peak(Subject.RAW_POSTGRES_NO_NOTIFY);
    return ceiling > 0 ? r.peak(Subject.GATEWAY) / ceiling : Double.NaN;
  }

  /** The first sentence of the summary. */
  static String headlineSentence(BenchmarkResults r) {
    double h = headline(r);
    return String.format(Locale.ROOT, "**gateway / (a') = %s**: the gateway's peak of %s payments/s against %s"
            + " transactions/s of (a'), the raw one-transaction-per-payment ceiling without the outbox's NOTIFY"
            + " trigger (target ≥ %.1f: %s). For context, gateway / (a) = %s, (a) being the same transaction with"
            + " the trigger, which serialises commits.%n", ratio(h), rate(r.peak(Subject.GATEWAY)),
        rate(r.peak(Subject.RAW_POSTGRES_NO_NOTIFY)), PEAK_TARGET, met(h >= PEAK_TARGET, Double.isFinite(h)),
        ratio(r.peak(Subject.GATEWAY) / r.peak(Subject.RAW_POSTGRES)));
  }

  static String table(BenchmarkResults r) {
    List<List<String>> rows = new ArrayList<>();
    double h = headline(r);
    rows.add(row("peak payments/s ÷ (a')", "≥ " + ratio(PEAK_TARGET), ratio(h), h >= PEAK_TARGET, Double.isFinite(h)));
    Optional<PhaseResult> peak = r.phase(Subject.GATEWAY, Model.CLOSED);
    double drain = peak.map(PhaseResult::drainSeconds).orElse(Double.NaN);
    rows.add(row("pipeline empty after the peak phase (outbox sent, projector and webhook dispatcher at the end,"
        + " no delivery pending)", "≤ 2 s", !Double.isFinite(drain) ? "n/a" : drain < 0 ? "not within the wait" : seconds(drain),
        drain >= 0 && drain <= DRAIN_TARGET_SECONDS, Double.isFinite(drain)));
    Optional<PhaseResult> half = r.phase(Subject.GATEWAY, Model.OPEN);
    long p99 = half.map(p -> p.outcome().latency().p99()).orElse(-1L);
    rows.add(row("p99 accept latency at half peak", "≤ 25 ms", p99 < 0 ? "n/a" : millis(p99),
        p99 <= P99_TARGET_MICROS, p99 >= 0));
    Optional<GatewayLag> lag = r.lags().stream().filter(l -> l.model() == Model.OPEN).findFirst();
    long kafka = lag.map(l -> l.kafka().count() > 0 ? l.kafka().p99() : -1).orElse(-1L);
    rows.add(row("accept → Kafka p99 at half peak", "≤ 100 ms", kafka < 0 ? "n/a" : count(kafka) + " ms",
        kafka <= KAFKA_P99_TARGET_MILLIS, kafka >= 0));
    // a sampled payment missing from Cassandra after the probe's wait is far beyond the target
    long cassandra = lag.map(l -> l.cassandra().count() > 0 ? l.cassandra().p99() : -1).orElse(-1L);
    int missing = lag.map(GatewayLag::cassandraMissing).orElse(0);
    rows.add(row("accept → Cassandra p99 at half peak", "≤ 250 ms", cassandra < 0 ? "n/a"
        : count(cassandra) + " ms" + (missing > 0 ? " (" + count(missing) + " of the sample missing)" : ""),
        cassandra <= CASSANDRA_P99_TARGET_MILLIS && missing == 0, cassandra >= 0));
    double growth = cpuGrowth(r);
    rows.add(row("CPU per payment (gateway JVM + PostgreSQL + Kafka + Cassandra, whole phase) at half peak ÷ at"
        + " peak", "≤ 1.25x", Double.isFinite(growth) ? ratio(growth) + "x" : "n/a", growth <= CPU_GROWTH_TARGET,
        Double.isFinite(growth)));
    return Markdown.table(List.of("figure", "target", "measured", "met"), rows)
        + "\nHalf peak = the open-model phase of (c). CPU per payment counts the gateway's own processes over the whole"
        + " phase (warm-up to empty pipeline), so the work a burst leaves behind is charged to the peak too; the"
        + " load generator is left out (it does different work in the two models). The soak and the webhook"
        + " figures are in their own sections.\n";
  }

  /** CPU per payment of the gateway and its servers at half peak over the same at peak. */
  static double cpuGrowth(BenchmarkResults r) {
    Optional<PhaseResult> peak = r.phase(Subject.GATEWAY, Model.CLOSED);
    Optional<PhaseResult> half = r.phase(Subject.GATEWAY, Model.OPEN);
    if (peak.isEmpty() || half.isEmpty()) {
      return Double.NaN;
    }
    return stackPerPayment(whole(half.get())) / stackPerPayment(whole(peak.get()));
  }

  static CpuUsage whole(PhaseResult p) {
    return p.wholePhase() != null ? p.wholePhase() : p.window();
  }

  /** ms of CPU per payment in the gateway JVM and its three servers. */
  static double stackPerPayment(CpuUsage u) {
    double s = 0;
    for (String name : List.of(ProcessCpu.GATEWAY, ProcessCpu.POSTGRES, ProcessCpu.KAFKA, ProcessCpu.CASSANDRA)) {
      s += u.seconds().getOrDefault(name, 0.0);
    }
    return u.per1000(s);
  }

  private static List<String> row(String figure, String target, String measured, boolean met, boolean known) {
    return List.of(figure, target, measured, met(met, known));
  }

  private static String met(boolean met, boolean known) {
    return !known ? "not measured" : met ? "met" : "**not met**";
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
