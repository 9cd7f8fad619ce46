package dev.billpay.benchmark;

import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.util.ArrayList;
import java.util.List;

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

  /** Average cores one process used in the phase's measured window. */
  static double cores(PhaseResult p, String process) {
    Double s = p.window().seconds().get(process);
    return s == null ? 0 : p.window().cores(s);
  }

  static boolean isGatewayPeak(PhaseResult p) {
    return p.subject() == Subject.GATEWAY && p.model() == Model.CLOSED;
  }
}
