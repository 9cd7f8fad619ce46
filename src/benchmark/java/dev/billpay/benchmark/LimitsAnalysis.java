package dev.billpay.benchmark;

import static dev.billpay.benchmark.Markdown.cores;
import static dev.billpay.benchmark.Markdown.percent;
import static dev.billpay.benchmark.Markdown.rate;
import static dev.billpay.benchmark.Markdown.ratio;

import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the numbers for what limits the gateway's peak: whether the machine's cores were saturated
 * and by whom, and how far the gateway is from the raw transaction and from the in-memory endpoint.
 * Only measured numbers go in; the fixed sentences say what the comparison leaves out.
 */
final class LimitsAnalysis {
  /** Above this share of busy cores the peak is taken to be a CPU ceiling of the machine. */
  static final double SATURATED = 0.85;
  /** From this share of busy cores up to {@link #SATURATED}, CPU is most of the limit but not all. */
  static final double NEARLY_SATURATED = 0.60;
  /** Above this share of the gateway JVM's CPU going to the JIT compiler, the warm-up was too short. */
  static final double JIT_MATTERS = 0.15;
  /** From this ratio of (a') to (a) on, with (a) short of saturating the cores, the trigger is called a cap. */
  static final double NOTIFY_MATTERS = 1.1;

  private LimitsAnalysis() {}

  static String paragraph(BenchmarkResults r) {
    Optional<PhaseResult> peak = r.phase(Subject.GATEWAY, Model.CLOSED);
    if (peak.isEmpty() || peak.get().outcome().ok() == 0) {
      return "The gateway's peak phase did not produce any payment, so there is nothing to analyse; see the errors"
          + " and the gateway's log.";
    }
    return cpuSentence(peak.get(), r) + budgetSentence(peak.get(), r) + halfPeakSentence(peak.get(), r) + " "
        + comparison(r) + " Everything here shares one machine: the"
        + " load generator, the gateway and its three servers compete for the same cores and the same disk, so"
        + " these are this machine's ratios, not the capacity of a deployment in which PostgreSQL, Kafka and"
        + " Cassandra have hosts of their own.";
  }

  private static String cpuSentence(PhaseResult peak, BenchmarkResults r) {
    int nproc = nproc(r);
    CpuUsage w = peak.window();
    double busy = busyShare(peak, nproc);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "During the gateway's peak (%s payments/s) the machine's %d cores were %s busy (%s).",
        rate(peak.outcome().throughput()), nproc, percent(busy), shares(peak)));
    s.append(gatewayVersusEndpoint(peak, r));
    double perPayment = w.per1000(w.machineBusy());
    String cost = String.format(Locale.ROOT, "a payment cost %.2f ms of CPU in all, and %d cores / %.2f ms is about"
        + " %s payments/s (largest share: %s)", perPayment, nproc, perPayment,
        rate(nproc * 1000.0 / perPayment), largest(peak));
    String waiting = String.format(Locale.ROOT, "the %d requests in flight share the gateway's %d PostgreSQL"
        + " connections, each held through a whole transaction and its synchronous, fsynced commit",
        r.settings().connections(), r.gateway().pgPoolSize());
    double other = w.cores(w.other());
    if (busy >= SATURATED) {
      s.append(" The peak is therefore a CPU ceiling of this machine: ").append(cost).append('.');
      if (other > 0.10 * nproc) {
        s.append(String.format(Locale.ROOT, " Processes outside the benchmark took %s cores of it, so on a quiet"
            + " machine the gateway would have had more room.", cores(other)));
      }
    } else if (busy >= NEARLY_SATURATED) {
      s.append(" The cores were close to saturation, so CPU is most of the limit: ").append(cost)
          .append(". The headroom left is lost to waiting: ").append(waiting).append('.');
    } else {
      s.append(" The cores were not saturated, so something other than CPU set the peak. The likeliest is waiting: ")
          .append(waiting).append("; (a), with the same pool, shows where that bound lies for the bare transaction.");
    }
    return s.toString();
  }

  /** What a payment may cost in CPU for the gateway to reach (a') on these cores, against what it costs. */
  private static String budgetSentence(PhaseResult peak, BenchmarkResults r) {
    double ceiling = r.peak(Subject.RAW_POSTGRES_NO_NOTIFY);
    CpuUsage w = peak.window();
    if (ceiling <= 0 || w.requests() == 0) {
      return "";
    }
    int nproc = nproc(r);
    double budget = nproc * 1000.0 / ceiling;
    double now = w.per1000(w.machineBusy());
    return String.format(Locale.ROOT, " To reach (a') at %s/s on %d cores a payment may cost at most %.2f ms of"
        + " CPU in all (load generator included); it cost %.2f ms, %s times that budget.", rate(ceiling), nproc,
        budget, now, ratio(now / budget));
  }

  /** How the CPU per payment changes at half the peak, and in which process it grows most. */
  private static String halfPeakSentence(PhaseResult peak, BenchmarkResults r) {
    Optional<PhaseResult> half = r.phase(Subject.GATEWAY, Model.OPEN);
    if (half.isEmpty() || half.get().outcome().ok() == 0) {
      return "";
    }
    CpuUsage p = TargetsSection.whole(peak);
    CpuUsage h = TargetsSection.whole(half.get());
    String grows = "gateway JVM";
    double most = Double.NEGATIVE_INFINITY;
    for (String name : List.of(ProcessCpu.GATEWAY, ProcessCpu.POSTGRES, ProcessCpu.KAFKA, ProcessCpu.CASSANDRA)) {
      double d = h.per1000(h.seconds().getOrDefault(name, 0.0)) - p.per1000(p.seconds().getOrDefault(name, 0.0));
      if (d > most) {
        most = d;
        grows = name;
      }
    }
    double busy = busyShare(half.get(), nproc(r));
    return String.format(Locale.ROOT, " At half the peak (%s payments/s) a payment cost %.2f ms of CPU in the"
            + " gateway and its servers against %.2f ms at the peak (%sx; target ≤ %.2fx), the cores were %s busy,"
            + " and the largest change per payment is in the %s (%+.2f ms): work that a batch shares at the peak"
            + " (a relay poll, a Kafka request, a Cassandra write, a commit's fsync) is paid by fewer payments when"
            + " they arrive one by one.", rate(half.get().outcome().throughput()), TargetsSection.stackPerPayment(h),
        TargetsSection.stackPerPayment(p), ratio(TargetsSection.cpuGrowth(r)), TargetsSection.CPU_GROWTH_TARGET,
        percent(busy), grows, most);
  }

  /** The gateway JVM's CPU per payment against the in-memory endpoint's per request (same JSON, no I/O). */
  private static String gatewayVersusEndpoint(PhaseResult peak, BenchmarkResults r) {
    Double gateway = peak.window().seconds().get(ProcessCpu.GATEWAY);
    Optional<PhaseResult> b = r.phase(Subject.IN_MEMORY, Model.CLOSED);
    Double endpoint = b.map(p -> p.window().seconds().get(ProcessCpu.ENDPOINT)).orElse(null);
    if (gateway == null || endpoint == null || b.get().window().requests() == 0) {
      return "";
    }
    double g = peak.window().per1000(gateway);
    double e = b.get().window().per1000(endpoint);
    String jit = CpuTable.jitShare(peak) > JIT_MATTERS ? String.format(Locale.ROOT, " (%.2f ms of it in its JIT"
        + " compiler, which was still compiling)", g * CpuTable.jitShare(peak)) : "";
    return String.format(Locale.ROOT, " The gateway JVM alone used %.2f ms of CPU per payment%s, %s times what the"
        + " in-memory endpoint's JVM used per request (%.3f ms).", g, jit, ratio(g / e), e);
  }

  private static String comparison(BenchmarkResults r) {
    double c = r.peak(Subject.GATEWAY);
    double a = r.peak(Subject.RAW_POSTGRES);
    double b = r.peak(Subject.IN_MEMORY);
    return String.format(Locale.ROOT, "(a) committed %s transactions/s of the same three inserts with the same pool"
            + " and concurrency but none of the gateway's other work: HTTP, API-key check, JSON validation, the"
            + " transaction's other statements (lock timeout, funding-account and payee checks, daily-total upsert,"
            + " the idempotency record's completion UPDATE) and the relay, projector and webhook dispatcher behind the"
            + " outbox; the gateway reached %s of it. (b) answered %s requests/s, so HTTP and JSON alone are not what"
            + " stops the gateway (gateway/(b) = %s).",
        rate(a), ratio(c / a), rate(b), ratio(c / b)) + notifySentence(r);
  }

  /**
   * What the outbox's NOTIFY trigger costs the bare transaction, when the variant without it ran. The
   * cores' load tells a cap from noise: (a) held back while the CPU had room, and (a') faster.
   */
  private static String notifySentence(BenchmarkResults r) {
    Optional<PhaseResult> a = r.phase(Subject.RAW_POSTGRES, Model.CLOSED);
    Optional<PhaseResult> free = r.phase(Subject.RAW_POSTGRES_NO_NOTIFY, Model.CLOSED);
    if (a.isEmpty() || free.isEmpty() || a.get().outcome().throughput() <= 0) {
      return "";
    }
    double with = a.get().outcome().throughput();
    double without = free.get().outcome().throughput();
    double busyWith = busyShare(a.get(), nproc(r));
    double busyWithout = busyShare(free.get(), nproc(r));
    if (without >= NOTIFY_MATTERS * with && busyWith < SATURATED) {
      return String.format(Locale.ROOT, " Without the outbox's NOTIFY trigger the bare transaction reached %s/s,"
          + " %s times (a), with the cores %s busy against %s for (a): PostgreSQL serializes the commits of"
          + " transactions that NOTIFY (one cluster-wide lock, held until their commit record is flushed), so they"
          + " cannot share an fsync and (a) stops short of the machine's CPU. With that trigger on the outbox, (a)"
          + " is in practice the gateway's ceiling on this database, whatever the gateway's own CPU.",
          rate(without), ratio(without / with), percent(busyWithout), percent(busyWith));
    }
    String shape = String.format(Locale.ROOT, " Without the outbox's NOTIFY trigger the bare transaction reached %s/s"
        + " (%s times (a); cores %s busy against %s for (a))", rate(without), ratio(without / with),
        percent(busyWithout), percent(busyWith));
    return without >= NOTIFY_MATTERS * with
        ? shape + ": (a) had already saturated the cores, so here the trigger costs CPU per commit rather than"
            + " holding (a) back by serializing commits."
        : shape + ", so on this machine the trigger is not what caps (a).";
  }

  private static double busyShare(PhaseResult p, int nproc) {
    return p.window().cores(p.window().machineBusy()) / nproc;
  }

  private static String shares(PhaseResult peak) {
    List<String> parts = new ArrayList<>();
    for (String name : ProcessCpu.NAMES) {
      double cores = CpuTable.cores(peak, name);
      if (cores >= 0.005) {
        parts.add(name + " " + cores(cores));
      }
    }
    parts.add(CpuUsage.OTHER + " " + cores(peak.window().cores(peak.window().other())));
    return String.join(", ", parts) + " cores";
  }

  private static String largest(PhaseResult peak) {
    return ProcessCpu.NAMES.stream().max((x, y) -> Double.compare(CpuTable.cores(peak, x), CpuTable.cores(peak, y)))
        .orElse("gateway JVM");
  }

  static List<String> automaticNotes(BenchmarkResults r) {
    int nproc = nproc(r);
    List<String> notes = new ArrayList<>();
    for (PhaseResult p : r.phases()) {
      CpuUsage w = p.window();
      if (w.cores(w.other()) > 0.10 * nproc) {
        notes.add(String.format(Locale.ROOT, "%s: processes outside the benchmark used %s cores on average: that"
            + " phase's numbers are noisy.", p.title(), cores(w.cores(w.other()))));
      }
      if (w.cores(w.steal()) > 0.05 * nproc) {
        notes.add(String.format(Locale.ROOT, "%s: the hypervisor took %s cores (steal).", p.title(),
            cores(w.cores(w.steal()))));
      }
      if (p.model() == Model.CLOSED && CpuTable.cores(p, ProcessCpu.LOAD_GENERATOR) >= 0.9) {
        notes.add(p.title() + ": the load generator's one event loop was nearly saturated ("
            + cores(CpuTable.cores(p, ProcessCpu.LOAD_GENERATOR)) + " cores), so this peak may be the generator's.");
      }
      if (p.subject() == Subject.GATEWAY && p.gatewayThreads() != null && CpuTable.jitShare(p) > JIT_MATTERS) {
        notes.add(p.title() + ": the JIT compiler still used " + percent(CpuTable.jitShare(p)) + " of the gateway"
            + " JVM's CPU in the measured window; a longer --warmup would lower its CPU per payment.");
      }
      if (p.outcome().allErrors() > 0) {
        notes.add(p.title() + ": " + Markdown.count(p.outcome().allErrors()) + " errors (see Errors).");
      }
      if (p.drainSeconds() < 0) {
        notes.add(p.title() + ": the pipeline was not empty when the drain wait ended.");
      } else if (Double.isFinite(p.drainSeconds())) {
        notes.add(String.format(Locale.ROOT, "%s: the pipeline was empty %.1f s after the last answer.", p.title(),
            p.drainSeconds()));
      }
    }
    return notes;
  }

  static int nproc(BenchmarkResults r) {
    try {
      return Integer.parseInt(r.machine().cores().strip());
    } catch (NumberFormatException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
