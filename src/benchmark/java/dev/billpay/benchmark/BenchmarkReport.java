package dev.billpay.benchmark;

import static dev.billpay.benchmark.Markdown.count;
import static dev.billpay.benchmark.Markdown.millis;
import static dev.billpay.benchmark.Markdown.rate;
import static dev.billpay.benchmark.Markdown.ratio;
import static dev.billpay.benchmark.Markdown.table;

import dev.billpay.benchmark.BenchmarkResults.GatewayLag;
import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The markdown report of one run: every number it measured, and what they say about the limits. */
final class BenchmarkReport {
  static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TITLE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private BenchmarkReport() {}

  static String markdown(BenchmarkResults r) {
    return "# billpay-gateway benchmark, " + TITLE_STAMP.format(r.startedAt()) + ": gateway / (a') = "
        + ratio(TargetsSection.headline(r)) + "\n\n"
        + "## Summary\n\n" + TargetsSection.headlineSentence(r) + "\n" + summary(r)
        + "\nWritten by `" + r.command() + "` (`billpay-benchmark`). It measures; it asserts"
        + " nothing. Load generator, gateway and servers all ran on this one machine.\n"
        + "\n## Targets (issue 14)\n\n" + TargetsSection.table(r)
        + "\n## Machine\n\n" + machine(r.machine())
        + "\n## Settings\n\n" + SettingsText.of(r)
        + "\n## Throughput ceilings (closed loop, " + r.settings().connections() + " connections)\n\n" + peaks(r)
        + "\n## Latency at a fixed offered load of " + rate(r.offeredRate()) + "/s (open model)\n\n" + latencies(r)
        + "\n## Pipeline lag of the gateway (milliseconds)\n\n" + lags(r)
        + "\n## CPU seconds per 1,000 requests, by process\n\n" + cpu(r)
        + "\n## The gateway JVM's CPU by thread\n\n" + CpuTable.gatewayThreads(r.phases())
        + "\n## Soak\n\n" + SoakSection.of(r.extras().soak())
        + webhooks(r)
        + "\n## CPU profile of the gateway at half peak\n\n" + profile(r)
        + errors(r)
        + "\n## What limits the result\n\n" + LimitsAnalysis.paragraph(r) + "\n" + perProcess(r)
        + "\n## Notes\n\n" + notes(r);
  }

  private static String perProcess(BenchmarkResults r) {
    var peak = r.phase(Subject.GATEWAY, Model.CLOSED);
    var half = r.phase(Subject.GATEWAY, Model.OPEN);
    if (peak.isEmpty() || half.isEmpty()) {
      return "";
    }
    return "\n" + CpuTable.perPaymentAtPeakAndHalf(peak.get(), half.get()) + "\nWindow = the measured seconds only;"
        + " whole phase = warm-up to empty pipeline, per payment of the phase.\n";
  }

  private static String webhooks(BenchmarkResults r) {
    BenchmarkResults.Extras e = r.extras();
    if (e.webhookClients() == 0) {
      return "";
    }
    return String.format(java.util.Locale.ROOT, "%n## Webhooks%n%nThe payments were spread evenly over %d clients,"
        + " each with one webhook endpoint subscribed to every event type (`\"event_types\":[\"*\"]`), all on a"
        + " receiver in the load generator's JVM (its own event loop) answering 200; its CPU counts as the load"
        + " generator's. The receiver got %s deliveries in the whole run. The lag table above has the accept →"
        + " delivered rows; the drain after each gateway phase waited for no delivery pending.%n",
        e.webhookClients(), count(e.webhooksReceived()));
  }

  private static String profile(BenchmarkResults r) {
    BenchmarkResults.Profile p = r.extras().profile();
    if (p == null) {
      return "not taken (`--profile` takes one with async-profiler)\n";
    }
    if (p.fileName() == null) {
      return "failed: " + p.problem() + "\n";
    }
    return "Flame graph: [" + p.fileName() + "](" + p.fileName() + ") (async-profiler, event " + p.event()
        + ", every " + GatewayProfiler.INTERVAL + " of CPU, over the half-peak phase's measured window; the"
        + " profiler was attached during that window, so its figures include the profiler's own small cost).\n";
  }

  /** The few lines printed at the end of a run. */
  static String consoleSummary(BenchmarkResults r) {
    double c = r.peak(Subject.GATEWAY);
    return String.format(java.util.Locale.ROOT,
        "peaks: (a') raw PostgreSQL without NOTIFY %s tx/s, (a) %s tx/s, (b) in-memory %s req/s, (c) gateway %s"
            + " payments/s%nheadline: gateway/(a') = %s; also gateway/(a) = %s, gateway/(b) = %s%n",
        rate(r.peak(Subject.RAW_POSTGRES_NO_NOTIFY)), rate(r.peak(Subject.RAW_POSTGRES)),
        rate(r.peak(Subject.IN_MEMORY)), rate(c), ratio(TargetsSection.headline(r)),
        ratio(c / r.peak(Subject.RAW_POSTGRES)), ratio(c / r.peak(Subject.IN_MEMORY)));
  }

  private static String summary(BenchmarkResults r) {
    double gateway = r.peak(Subject.GATEWAY);
    List<List<String>> rows = new ArrayList<>();
    for (Subject s : Subject.values()) {
      if (r.phase(s, Model.CLOSED).isEmpty()) {
        continue;
      }
      String open = r.phase(s, Model.OPEN).map(p -> millis(p.outcome().latency().p50()) + " / "
          + millis(p.outcome().latency().p99())).orElse("n/a");
      rows.add(List.of(s.title, rate(r.peak(s)) + " " + s.unit + "/s",
          s == Subject.GATEWAY ? "1.00" : ratio(gateway / r.peak(s)), open));
    }
    return table(List.of("", "peak", "gateway / this", "p50 / p99 at " + rate(r.offeredRate()) + "/s"), rows)
        + "\n" + r.lags().stream().filter(l -> l.model() == Model.OPEN).findFirst().map(l -> String.format(
            java.util.Locale.ROOT, "At %s/s the gateway's events reached Kafka after %s / %s (p50 / p99) and"
                + " Cassandra after %s / %s.%n", rate(r.offeredRate()), ms(l.kafka().p50()), ms(l.kafka().p99()),
            ms(l.cassandra().p50()), ms(l.cassandra().p99()))).orElse("");
  }

  private static String ms(long millis) {
    return count(millis) + " ms";
  }

  private static String machine(MachineDescription m) {
    return "- cores (nproc): " + m.cores() + "\n- memory: " + m.memory() + "\n- CPU: " + m.cpuModel()
        + "\n- kernel: " + m.kernel() + "\n- OS: " + m.os() + "\n- Java: " + m.java() + "\n- commit: " + m.commit()
        + "\n- storage of the data dir: " + m.storage() + "\n";
  }

  private static String peaks(BenchmarkResults r) {
    List<List<String>> rows = new ArrayList<>();
    for (PhaseResult p : r.phases()) {
      if (p.model() == Model.CLOSED) {
        PhaseOutcome o = p.outcome();
        rows.add(List.of(p.subject().title, count(o.ok()), count(o.allErrors()), rate(o.throughput()),
            millis(o.latency().p50()), millis(o.latency().p95()), millis(o.latency().p99()),
            millis(o.latency().max())));
      }
    }
    return table(List.of("", "ok", "errors", "per second", "p50", "p95", "p99", "max"), rows)
        + "\nLatency here is at saturation (each connection sends its next request when the previous one is"
        + " answered), so it shows queueing, not service time.\n";
  }

  private static String latencies(BenchmarkResults r) {
    List<List<String>> rows = new ArrayList<>();
    for (PhaseResult p : r.phases()) {
      if (p.model() == Model.OPEN) {
        PhaseOutcome o = p.outcome();
        rows.add(List.of(p.subject().title, count(o.due()), rate(o.throughput()), count(o.allErrors()),
            millis(o.latency().p50()), millis(o.latency().p95()), millis(o.latency().p99()),
            millis(o.latency().max())));
      }
    }
    return table(List.of("", "due in window", "ok per second", "errors", "p50", "p95", "p99", "max"), rows)
        + "\nEach request is due at a fixed time whatever the earlier answers; latency runs from that due time"
        + " (ticks of 1 ms, so it includes up to 1 ms of waiting to be sent) to the full answer.\n";
  }

  private static String lags(BenchmarkResults r) {
    List<List<String>> rows = new ArrayList<>();
    for (GatewayLag l : r.lags()) {
      String phase = l.model() == Model.OPEN ? "fixed load" : "peak";
      rows.add(lagRow(phase + ": accept to Kafka", count(l.kafka().count()) + " events", l.kafka()));
      rows.add(lagRow(phase + ": accept to Cassandra", count(l.cassandraSampled()) + " sampled, "
          + count(l.cassandraMissing()) + " missing", l.cassandra()));
      if (l.webhook() != null) {
        rows.add(lagRow(phase + ": accept to webhook delivered", count(l.webhook().delivered().count())
            + " deliveries, " + count(l.webhook().notDelivered()) + " not delivered", l.webhook().delivered()));
      }
    }
    return table(List.of("", "of", "p50", "p95", "p99", "max"), rows)
        + "\nAccept = the event's `time` (the gateway's clock when it accepted the payment; the transaction"
        + " commits just after, before the 201). Kafka = the record's timestamp (set when the relay produced it)."
        + " Cassandra = `writetime(payload)` of the row in `payment_events_by_payment`. Webhook delivered (with"
        + " --webhooks) = when the dispatcher recorded the receiver's 200 for the created event. Clocks are the same"
        + " machine's. At the peak the pipeline falls behind (the relay and projector catch up after the burst; the"
        + " notes say how long that took), so peak lags grow with the phase's length.\n";
  }

  private static List<String> lagRow(String label, String of, LatencySummary s) {
    return List.of(label, of, count(s.p50()), count(s.p95()), count(s.p99()), count(s.max()));
  }

  private static String cpu(BenchmarkResults r) {
    return CpuTable.of(r.phases());
  }

  private static String errors(BenchmarkResults r) {
    StringBuilder out = new StringBuilder();
    for (PhaseResult p : r.phases()) {
      Map<String, Long> kinds = p.outcome().errorKinds();
      if (!kinds.isEmpty() || p.outcome().unanswered() > 0) {
        out.append("- ").append(p.title()).append(": ");
        List<String> parts = new ArrayList<>();
        kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
            .forEach(e -> parts.add(count(e.getValue()) + " x " + e.getKey()));
        if (p.outcome().unanswered() > 0) {
          parts.add(count(p.outcome().unanswered()) + " never answered");
        }
        out.append(String.join("; ", parts)).append('\n');
      }
    }
    return out.isEmpty() ? "" : "\n## Errors\n\n" + out;
  }

  private static String notes(BenchmarkResults r) {
    StringBuilder out = new StringBuilder();
    r.settings().notes().forEach(n -> out.append("- ").append(n).append('\n'));
    r.notes().forEach(n -> out.append("- ").append(n).append('\n'));
    LimitsAnalysis.automaticNotes(r).forEach(n -> out.append("- ").append(n).append('\n'));
    return out.isEmpty() ? "- none\n" : out.toString();
  }
}
