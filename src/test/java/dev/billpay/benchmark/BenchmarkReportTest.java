package dev.billpay.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.benchmark.BenchmarkResults.GatewayLag;
import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Benchmark report: every number in markdown, ratios of the peaks, and what limits them")
class BenchmarkReportTest {
  private static final MachineDescription MACHINE = new MachineDescription("2", "23.5 GiB", "AMD EPYC", "6.1.0",
      "Debian GNU/Linux 12", "OpenJDK 17.0.15", "abc1234 Add benchmark", "ext4 on /dev/vda (mounted at /)");

  @Test
  @DisplayName("the summary holds the three peaks and gateway/(a), gateway/(b) as ratios of the peaks")
  void ratios() {
    String md = BenchmarkReport.markdown(results(0.95, 0.0));
    assertThat(md).startsWith("# billpay-gateway benchmark, 2026-11-30 14:00:00 UTC");
    assertThat(md).contains("| (a) raw PostgreSQL | 2,000 transactions/s | 0.50 | 4.00 ms / 20.0 ms |");
    assertThat(md).contains("| (b) in-memory endpoint | 20,000 requests/s | 0.050 |");
    assertThat(md).contains("| (c) gateway | 1,000 payments/s | 1.00 |");
    assertThat(md).contains("| (a') raw PostgreSQL without NOTIFY | 4,000 transactions/s | 0.25 | n/a |");
    assertThat(BenchmarkReport.consoleSummary(results(0.95, 0.0)))
        .contains("gateway/(a) = 0.50, gateway/(b) = 0.050");
  }

  @Test
  @DisplayName("ratios keep two significant digits when small and drop the decimals when large")
  void ratioFormat() {
    assertThat(Markdown.ratio(0.0044213)).isEqualTo("0.0044");
    assertThat(Markdown.ratio(0.123)).isEqualTo("0.12");
    assertThat(Markdown.ratio(3.217)).isEqualTo("3.22");
    assertThat(Markdown.ratio(241.1)).isEqualTo("241");
    assertThat(Markdown.ratio(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
  }

  @Test
  @DisplayName("the machine, the settings, the lags and the durability the server reported are all written")
  void everything() {
    String md = BenchmarkReport.markdown(results(0.95, 0.0));
    assertThat(md).contains("- CPU: AMD EPYC\n", "- cores (nproc): 2\n", "- commit: abc1234 Add benchmark\n");
    assertThat(md).contains("fsync=on, synchronous_commit=on", "10 s warm-up, then 30 s measured", "64 connections");
    assertThat(md).contains("Kafka: -Xmx512m -XX:+UseSerialGC", "- storage of the data dir: ext4 on /dev/vda");
    assertThat(md).contains("| fixed load: accept to Kafka | 15,000 events | 12 | 30 | 45 | 80 |");
    assertThat(md).contains("| fixed load: accept to Cassandra | 500 sampled, 2 missing | 40 | 90 | 120 | 300 |");
    assertThat(md).contains("At 500/s the gateway's events reached Kafka after 12 ms / 45 ms");
    assertThat(md).contains("- the machine was also building another project");
  }

  @Test
  @DisplayName("CPU per 1,000 requests divides each process's CPU seconds by the requests answered")
  void cpuPerThousand() {
    String md = BenchmarkReport.markdown(results(0.95, 0.0));
    // gateway peak window: 30,000 payments, gateway JVM 36 s -> 1.200 s per 1,000; machine 57 s over 30 s = 1.90
    assertThat(md).contains("| (c) gateway, peak, closed loop, measured window | 30,000 | 1.200 | 0.600 | 0.033 |"
        + " 0.033 | 0.000 | 0.033 | 0.000 | 1.90 | 0.00 |");
  }

  @Test
  @DisplayName("the gateway JVM's CPU is broken down by thread, and a busy JIT compiler is called out")
  void threads() {
    String md = BenchmarkReport.markdown(results(0.95, 0.0));
    // peak: 30,000 payments; event loops 24 s -> 0.800 ms each, JIT 9 s -> 0.300 ms, GC 3 s -> 0.100 ms;
    // fixed load: 15,000 payments and 30 busy seconds, so 24 * 30 / 57 s -> 0.842 ms and 9 * 30 / 57 s -> 0.316 ms
    assertThat(md).contains("| `vert.x-eventloo` | 0.800 | 0.842 |", "| `C# CompilerThre` | 0.300 | 0.316 |",
        "| all other threads | 0.000 | 0.000 |");
    assertThat(LimitsAnalysis.automaticNotes(results(0.95, 0.0)))
        .anySatisfy(n -> assertThat(n).contains("the JIT compiler still used 25% of the gateway JVM's CPU"));
    // the in-memory endpoint's JVM: 36 s over 600,000 requests = 0.060 ms; the gateway's 1.20 ms
    assertThat(LimitsAnalysis.paragraph(results(0.95, 0.0))).contains("The gateway JVM alone used 1.20 ms of CPU"
        + " per payment (0.30 ms of it in its JIT compiler, which was still compiling), 20 times what the in-memory"
        + " endpoint's JVM used per request (0.060 ms)");
  }

  @Test
  @DisplayName("saturated cores make the peak a CPU ceiling; idle cores point at waiting instead")
  void limits() {
    // with (a) at 95% busy, (a') being faster is not called the trigger's cap
    assertThat(LimitsAnalysis.paragraph(results(0.95, 0.0)))
        .contains("2 cores were 95% busy", "CPU ceiling of this machine", "(largest share: gateway JVM)")
        .contains("the gateway reached 0.50 of it")
        .contains("Without the outbox's NOTIFY trigger the bare transaction reached 4,000/s (2.00 times (a); cores 95%"
            + " busy against 95% for (a)): (a) had already saturated the cores, so here the trigger costs CPU")
        .doesNotContain("(a) stops short of the machine's CPU");
    assertThat(LimitsAnalysis.paragraph(results(0.70, 0.0))).contains("reached 4,000/s, 2.00 times (a), with the"
        + " cores 70% busy against 70% for (a)", "(a) stops short of the machine's CPU");
    assertThat(LimitsAnalysis.paragraph(results(0.70, 0.0)))
        .contains("70% busy", "close to saturation, so CPU is most of the limit", "lost to waiting: the 64 requests"
            + " in flight share the gateway's 16 PostgreSQL connections");
    assertThat(LimitsAnalysis.paragraph(results(0.40, 0.0)))
        .contains("40% busy", "not saturated", "something other than CPU");
  }

  @Test
  @DisplayName("work by other processes on the machine is called out as noise")
  void noise() {
    assertThat(LimitsAnalysis.automaticNotes(results(0.95, 0.5)))
        .anySatisfy(n -> assertThat(n).contains("(c) gateway, peak, closed loop: processes outside the benchmark"
            + " used 0.50 cores"));
    assertThat(LimitsAnalysis.automaticNotes(results(0.95, 0.0))).noneSatisfy(n -> assertThat(n).contains("noisy"));
    assertThat(LimitsAnalysis.paragraph(results(0.95, 0.5))).contains("Processes outside the benchmark took 0.50 cores"
        + " of it, so on a quiet machine the gateway would have had more room.");
    assertThat(LimitsAnalysis.paragraph(results(0.95, 0.0))).doesNotContain("Processes outside the benchmark");
  }

  @Test
  @DisplayName("the first line and the summary lead with gateway/(a'), the ceiling without the NOTIFY trigger")
  void headline() {
    String md = BenchmarkReport.markdown(results(0.95, 0.0));
    assertThat(md.lines().findFirst().orElseThrow()).endsWith(": gateway / (a') = 0.25");
    assertThat(md).contains("## Summary\n\n**gateway / (a') = 0.25**: the gateway's peak of 1,000 payments/s against"
        + " 4,000 transactions/s of (a')", "(target ≥ 1.0: **not met**). For context, gateway / (a) = 0.50");
    assertThat(BenchmarkReport.consoleSummary(results(0.95, 0.0))).contains("headline: gateway/(a') = 0.25");
  }

  @Test
  @DisplayName("each half-peak figure stands next to its target, met or not, and an unmeasured one says so")
  void targets() {
    String md = BenchmarkReport.markdown(results(0.95, 0.0));
    assertThat(md).contains("| peak payments/s ÷ (a') | ≥ 1.00 | 0.25 | **not met** |",
        "| p99 accept latency at half peak | ≤ 25 ms | 20.0 ms | met |",
        "| accept → Kafka p99 at half peak | ≤ 100 ms | 45 ms | met |",
        "| accept → Cassandra p99 at half peak | ≤ 250 ms | 120 ms (2 of the sample missing) | **not met** |",
        " at peak | ≤ 1.25x | 1.05x | met |", "no delivery pending) | ≤ 2 s | n/a | not measured |");
    // half peak: (36+18+1+1) s * 30/57 over 15,000 payments = 1.96 ms; peak: 56 s over 30,000 = 1.87 ms
    assertThat(TargetsSection.cpuGrowth(results(0.95, 0.0))).isCloseTo(1.053, org.assertj.core.data.Offset.offset(0.001));
    assertThat(md).contains("| **gateway + its servers** | 1.867 | 1.867 | 1.965 | 1.965 | 1.05x |");
    assertThat(LimitsAnalysis.paragraph(results(0.95, 0.0))).contains("To reach (a') at 4,000/s on 2 cores a payment"
        + " may cost at most 0.50 ms of CPU in all", "a payment cost 1.96 ms of CPU in the gateway and its servers"
        + " against 1.87 ms at the peak (1.05x; target ≤ 1.25x)");
  }

  @Test
  @DisplayName("the soak sets the first and the last minute side by side and calls a growing backlog or heap")
  void soak() {
    List<SoakRun.Sample> samples = new java.util.ArrayList<>();
    for (int i = 1; i <= 18; i++) {
      long grows = i > 12 ? 5_000 : 10;
      samples.add(new SoakRun.Sample(i * 10.0, new PipelineDrain.Backlog(grows, 3, 0, 4), 40L * 1024 * 1024,
          i > 12 ? 900 : 20, 0));
    }
    PhaseResult phase = phase(Subject.GATEWAY, Model.OPEN, 500, 500, 0.5, 0);
    String md = SoakSection.of(new SoakRun.Result(3, 500, phase, samples, 42));
    assertThat(md).contains("3 minute(s) at 500 payments/s", "42 collections",
        "| outbox backlog (rows unsent) | 10 / 10 | 5,000 / 5,000 | yes |",
        "| projector lag (records) | 3 / 3 | 3 / 3 | no |",
        "| webhook backlog (records unread + deliveries pending) | 4 / 4 | 4 / 4 | no |",
        "| gateway heap after GC (MiB) | 40 / 40 | 40 / 40 | no |",
        "| requests in flight (sent, not yet answered) | 20 / 20 | 900 / 900 | yes |",
        "| errors (cumulative; at the end incl. never answered) | 0 | 0 | no |");
    assertThat(SoakSection.of(null)).startsWith("not run");
  }

  @Test
  @DisplayName("the flame graph is linked with the event it sampled; webhook lags get rows of their own")
  void profileAndWebhooks() {
    BenchmarkResults.GatewayLag lag = new GatewayLag(Model.OPEN, new LatencySummary(15_000, 12, 30, 45, 80),
        new LatencySummary(500, 40, 90, 120, 300), 500, 0, new BenchmarkResults.WebhookLag(
            new LatencySummary(15_000, 50, 70, 90, 200), 3));
    BenchmarkResults r = results(0.95, 0.0).withLags(List.of(lag)).withExtras(new BenchmarkResults.Extras(null,
        new BenchmarkResults.Profile("benchmark-x-flame.html", "itimer", null), 10, 45_000));
    String md = BenchmarkReport.markdown(r);
    assertThat(md).contains("[benchmark-x-flame.html](benchmark-x-flame.html) (async-profiler, event itimer",
        "| fixed load: accept to webhook delivered | 15,000 deliveries, 3 not delivered | 50 | 70 | 90 | 200 |",
        "spread evenly over 10 clients", "The receiver got 45,000 deliveries");
  }

  /** A run where the gateway peaks at 1,000/s, (a) at 2,000/s, (a') at 4,000/s, (b) at 20,000/s, on 2 cores. */
  private static BenchmarkResults results(double busyShare, double otherCores) {
    BenchmarkSettings settings = new BenchmarkSettings(30, 10, 64, 0, 500, 18090, Path.of("target/benchmark-data"),
        Path.of("load-tests/results"), 600, 300, List.of("the machine was also building another project"),
        BenchmarkSettings.Options.NONE);
    List<PhaseResult> phases = List.of(
        phase(Subject.IN_MEMORY, Model.CLOSED, 20_000, 0, busyShare, otherCores),
        phase(Subject.RAW_POSTGRES, Model.CLOSED, 2_000, 0, busyShare, otherCores),
        phase(Subject.RAW_POSTGRES_NO_NOTIFY, Model.CLOSED, 4_000, 0, busyShare, otherCores),
        phase(Subject.GATEWAY, Model.CLOSED, 1_000, 0, busyShare, otherCores),
        phase(Subject.RAW_POSTGRES, Model.OPEN, 500, 500, 0.3, 0),
        phase(Subject.GATEWAY, Model.OPEN, 500, 500, 0.5, 0));
    List<GatewayLag> lags = List.of(new GatewayLag(Model.OPEN, new LatencySummary(15_000, 12, 30, 45, 80),
        new LatencySummary(498, 40, 90, 120, 300), 500, 2, null));
    return new BenchmarkResults(Instant.parse("2026-11-30T14:00:00Z"), MACHINE, settings,
        new BenchmarkResults.GatewaySetup(2, 16, "fsync=on, synchronous_commit=on, PostgreSQL 17.11",
            List.of("per-client rate limit 1,000,000 requests/s"), List.of("Kafka: -Xmx512m -XX:+UseSerialGC")), 500,
        phases, lags, List.of(),
        "load-tests/benchmark.sh", null);
  }

  private static PhaseResult phase(Subject subject, Model model, double perSecond, double rate, double busyShare,
      double otherCores) {
    long requests = (long) (perSecond * 30);
    PhaseOutcome outcome = new PhaseOutcome(requests, 0, model == Model.OPEN ? requests : 0, 0, requests, requests,
        30, new LatencySummary(requests, subject == Subject.RAW_POSTGRES ? 4_000 : 2_000, 10_000, 20_000, 50_000),
        Map.of());
    Map<String, Double> seconds = new LinkedHashMap<>();
    double busy = busyShare * 2 * 30;
    // of the busy time that is not "other": gateway 36/57, PostgreSQL 18/57, Kafka, Cassandra, generator 1/57 each
    double share = (busy - otherCores * 30) / 57;
    seconds.put(ProcessCpu.GATEWAY, 36 * share);
    seconds.put(ProcessCpu.POSTGRES, 18 * share);
    seconds.put(ProcessCpu.KAFKA, share);
    seconds.put(ProcessCpu.CASSANDRA, share);
    seconds.put(ProcessCpu.ENDPOINT, subject == Subject.IN_MEMORY ? 36 * share : 0);
    seconds.put(ProcessCpu.LOAD_GENERATOR, share);
    CpuUsage window = new CpuUsage(seconds, busy, 0, 30, requests);
    Map<String, Double> threads = subject != Subject.GATEWAY ? Map.of() : Map.of(
        "vert.x-eventloo", 24 * share, "C# CompilerThre", 9 * share, "GC Thread##", 3 * share);
    return new PhaseResult(subject, model, rate, outcome, window, null, Double.NaN, threads);
  }
}
