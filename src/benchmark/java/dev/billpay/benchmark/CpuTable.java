package dev.billpay.benchmark;

import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU seconds per 1,000 requests for every process, per phase; the gateway phases get a second row
 * over the whole phase (warm-up to empty pipeline) per payment of the phase, which also charges the
 * Kafka and Cassandra work a burst leaves behind.
 */
final class CpuTable {
  private CpuTable() {}

  static String of(List<PhaseResult> phases) {
    List<String> header = new ArrayList<>(List.of("", "requests"));
    header.addAll(ProcessCpu.NAMES);
    header.addAll(List.of(CpuUsage.OTHER, "machine busy (cores)", "steal (cores)"));
    List<List<String>> rows = new ArrayList<>();
    for (PhaseResult p : phases) {
      rows.add(row(p.title() + ", measured window", p.window()));
      if (p.wholePhase() != null) {
        rows.add(row(p.title() + ", whole phase incl. drain", p.wholePhase()));
      }
    }
    return Markdown.table(header, rows) + "\nEach cell: CPU seconds the process used per 1,000 requests answered"
        + " (payments for the gateway, transactions for (a)); blank = not running. \"" + CpuUsage.OTHER + "\" ="
        + " machine busy time none of them accounts for (the kernel's work for others, other people's jobs)."
        + " Machine busy and steal are average cores over the window.\n";
  }

  private static List<String> row(String label, CpuUsage u) {
    List<String> row = new ArrayList<>(List.of(label, Markdown.count(u.requests())));
    for (String name : ProcessCpu.NAMES) {
      Double s = u.seconds().get(name);
      row.add(s == null ? "" : Markdown.seconds(u.per1000(s)));
    }
    row.add(Markdown.seconds(u.per1000(u.other())));
    row.add(Markdown.cores(u.cores(u.machineBusy())));
    row.add(Markdown.cores(u.cores(u.steal())));
    return row;
  }

  /**
   * The gateway JVM's CPU in its phases' windows by thread group, in ms per payment, largest first
   * (the ten largest at the peak; the rest summed).
   */
  static String gatewayThreads(List<PhaseResult> phases) {
    List<PhaseResult> gateway = phases.stream().filter(p -> p.subject() == Subject.GATEWAY
        && p.gatewayThreads() != null && !p.gatewayThreads().isEmpty()).toList();
    if (gateway.isEmpty()) {
      return "not measured\n";
    }
    List<String> groups = gateway.get(0).gatewayThreads().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
        .map(Map.Entry::getKey).toList();
    List<String> header = new ArrayList<>(List.of("thread (kernel name, digits as #)"));
    gateway.forEach(p -> header.add(p.model() == Model.CLOSED ? "peak: ms per payment" : "fixed load: ms per payment"));
    List<List<String>> rows = new ArrayList<>();
    for (String group : groups) {
      List<String> row = new ArrayList<>(List.of("`" + group + "`"));
      gateway.forEach(p -> row.add(msPerPayment(p, p.gatewayThreads().getOrDefault(group, 0.0))));
      rows.add(row);
    }
    List<String> rest = new ArrayList<>(List.of("all other threads"));
    gateway.forEach(p -> rest.add(msPerPayment(p, p.gatewayThreads().entrySet().stream()
        .filter(e -> !groups.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum())));
    rows.add(rest);
    return Markdown.table(header, rows) + "\nFrom `/proc/<gateway pid>/task/*/stat` over the measured windows;"
        + " JIT compiler and GC threads show how much of the gateway's CPU was warm-up and garbage collection.\n";
  }

  private static String msPerPayment(PhaseResult p, double seconds) {
    return String.format(Locale.ROOT, "%.3f", p.window().per1000(seconds));
  }

  /** Share of the gateway JVM's CPU in the window that its JIT compiler threads used. */
  static double jitShare(PhaseResult p) {
    double all = p.gatewayThreads().values().stream().mapToDouble(Double::doubleValue).sum();
    double jit = p.gatewayThreads().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
        .mapToDouble(Map.Entry::getValue).sum();
    return all > 0 ? jit / all : 0;
  }

  /** Average cores one process used in the phase's measured window. */
  static double cores(PhaseResult p, String process) {
    Double s = p.window().seconds().get(process);
    return s == null ? 0 : p.window().cores(s);
  }

  /**
   * ms of CPU per payment of each process at the gateway's peak and at half of it, over the measured
   * window and over the whole phase, with half ÷ peak of the whole phase: where a payment's cost goes
   * and which process grows when the load drops.
   */
  static String perPaymentAtPeakAndHalf(PhaseResult peak, PhaseResult half) {
    List<List<String>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>(ProcessCpu.NAMES);
    names.remove(ProcessCpu.ENDPOINT);
    for (String name : names) {
      rows.add(perPaymentRow("`" + name + "`", peak, half, u -> u.seconds().getOrDefault(name, 0.0)));
    }
    rows.add(perPaymentRow(CpuUsage.OTHER, peak, half, CpuUsage::other));
    rows.add(perPaymentRow("**gateway + its servers**", peak, half, u -> TargetsSection.stackPerPayment(u)
        * u.requests() / 1000.0));
    rows.add(perPaymentRow("**machine busy**", peak, half, CpuUsage::machineBusy));
    return Markdown.table(List.of("ms of CPU per payment", "peak, window", "peak, whole phase", "half peak, window",
        "half peak, whole phase", "half ÷ peak (whole phase)"), rows);
  }

  private static List<String> perPaymentRow(String label, PhaseResult peak, PhaseResult half,
      java.util.function.ToDoubleFunction<CpuUsage> seconds) {
    CpuUsage pw = peak.window();
    CpuUsage pp = TargetsSection.whole(peak);
    CpuUsage hw = half.window();
    CpuUsage hp = TargetsSection.whole(half);
    double peakWhole = pp.per1000(seconds.applyAsDouble(pp));
    double halfWhole = hp.per1000(seconds.applyAsDouble(hp));
    return List.of(label, ms(pw.per1000(seconds.applyAsDouble(pw))), ms(peakWhole),
        ms(hw.per1000(seconds.applyAsDouble(hw))), ms(halfWhole),
        peakWhole > 0.0005 ? Markdown.ratio(halfWhole / peakWhole) + "x" : "n/a");
  }

  private static String ms(double v) {
    return Markdown.seconds(v);
  }

  static boolean isGatewayPeak(PhaseResult p) {
    return p.subject() == Subject.GATEWAY && p.model() == Model.CLOSED;
  }
}
