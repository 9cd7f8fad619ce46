package dev.billpay.benchmark;

import static dev.billpay.benchmark.Markdown.count;
import static dev.billpay.benchmark.Markdown.millis;
import static dev.billpay.benchmark.Markdown.rate;

import dev.billpay.benchmark.SoakRun.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The report's soak section: the first and the last minute side by side, and whether each figure
 * grew. A backlog "grew" when the last minute's average is above twice the first's plus
 * {@link #BACKLOG_NOISE} records (a poll that lands just before a relay batch sees a few hundred);
 * the heap when the last minute's average after-GC size is more than {@link #HEAP_GROWTH} above the
 * first's; errors when there is any, counting the requests still unanswered when the soak ended
 * (the load generator gives up on them after its drain time).
 */
final class SoakSection {
  static final long BACKLOG_NOISE = 100;
  static final double HEAP_GROWTH = 0.10;

  private SoakSection() {}

  static String of(SoakRun.Result soak) {
    if (soak == null) {
      return "not run (`--soak-minutes N` runs one after the other phases)\n";
    }
    List<Sample> all = soak.samples();
    List<Sample> first = all.stream().filter(s -> s.atSeconds() <= 60.5).toList();
    List<Sample> last = all.stream().filter(s -> s.atSeconds() > soak.minutes() * 60 - 59.5).toList();
    List<List<String>> rows = new ArrayList<>();
    rows.add(backlogRow("outbox backlog (rows unsent)", first, last, s -> s.backlog().unsentOutbox()));
    rows.add(backlogRow("projector lag (records)", first, last, s -> s.backlog().projectorLag()));
    rows.add(backlogRow("webhook backlog (records unread + deliveries pending)", first, last,
        s -> s.backlog().webhooks()));
    rows.add(heapRow(first, last));
    rows.add(backlogRow("requests in flight (sent, not yet answered)", first, last, Sample::inFlight));
    PhaseOutcome o = soak.phase().outcome();
    long errorsFirst = last(first, Sample::errors);
    // the samples count failed answers; the phase also counts the requests never answered at all
    long errorsAll = Math.max(last(all, Sample::errors), o.allErrors());
    rows.add(List.of("errors (cumulative; at the end incl. never answered)", count(errorsFirst), count(errorsAll),
        errorsAll > 0 ? "yes" : "no"));
    return String.format(Locale.ROOT, "%d minute(s) at %s payments/s (open model) after the other phases:"
            + " %s payments, %s errors, p50 / p99 %s / %s; %d samples, one every %d s; %s collections of the"
            + " gateway's heap.%n%n", soak.minutes(), rate(soak.rate()), count(o.ok()), count(o.allErrors()),
        millis(o.latency().p50()), millis(o.latency().p99()), all.size(), SoakRun.SAMPLE_SECONDS,
        count(soak.collections()))
        + Markdown.table(List.of("", "first minute (avg / max)", "last minute (avg / max)", "grew"), rows)
        + (soak.minutes() < 2 ? "\nWith one minute the first and the last minute are the same samples.\n" : "")
        + "\nBacklogs from PostgreSQL (`outbox.sent_at IS NULL`, pending `webhook_deliveries`) and Kafka (end offsets"
        + " minus each consumer group's committed offsets); heap after GC from the gateway's own collector"
        + " notifications (attach API, JMX). A backlog grew when the last minute's average exceeds twice the first's"
        + " plus " + BACKLOG_NOISE + "; the heap when it is more than " + Math.round(HEAP_GROWTH * 100) + "% above.\n";
  }

  private static List<String> backlogRow(String label, List<Sample> first, List<Sample> last,
      ToLongFunction<Sample> value) {
    double a = average(first, value);
    double b = average(last, value);
    return List.of(label, avgMax(first, value, ""), avgMax(last, value, ""),
        Double.isNaN(a) || Double.isNaN(b) ? "n/a" : b > 2 * a + BACKLOG_NOISE ? "yes" : "no");
  }

  private static List<String> heapRow(List<Sample> first, List<Sample> last) {
    ToLongFunction<Sample> mib = s -> s.heapAfterGc() < 0 ? -1 : s.heapAfterGc() / (1024 * 1024);
    double a = average(first, mib);
    double b = average(last, mib);
    return List.of("gateway heap after GC (MiB)", avgMax(first, mib, ""), avgMax(last, mib, ""),
        Double.isNaN(a) || Double.isNaN(b) ? "n/a" : b > a * (1 + HEAP_GROWTH) ? "yes" : "no");
  }

  /** Average and maximum of the readable samples (unreadable ones, Long.MAX_VALUE or -1, left out). */
  private static String avgMax(List<Sample> samples, ToLongFunction<Sample> value, String unit) {
    double avg = average(samples, value);
    long max = samples.stream().mapToLong(value).filter(SoakSection::readable).max().orElse(-1);
    return Double.isNaN(avg) ? "n/a" : String.format(Locale.ROOT, "%,.0f / %,d%s", avg, max, unit);
  }

  private static double average(List<Sample> samples, ToLongFunction<Sample> value) {
    return samples.stream().mapToLong(value).filter(SoakSection::readable).average().orElse(Double.NaN);
  }

  private static boolean readable(long v) {
    return v >= 0 && v != Long.MAX_VALUE;
  }

  private static long last(List<Sample> samples, ToLongFunction<Sample> value) {
    return samples.isEmpty() ? 0 : value.applyAsLong(samples.get(samples.size() - 1));
  }
}
