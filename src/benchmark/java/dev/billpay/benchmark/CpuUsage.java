package dev.billpay.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds each watched process used over a stretch of wall time, the machine's busy and steal
 * seconds over the same stretch, and how many requests (payments, transactions) it served.
 */
record CpuUsage(Map<String, Double> seconds, double machineBusy, double steal, double wallSeconds, long requests) {
  static final String OTHER = "other processes";

  static CpuUsage between(Map<String, Long> before, Map<String, Long> after, MachineCpu machine, long ticksPerSecond,
      double wallSeconds, long requests) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    after.forEach((name, ticks) -> {
      Long earlier = before.get(name);
      if (earlier != null) {
        seconds.put(name, (ticks - earlier) / (double) ticksPerSecond);
      }
    });
    return new CpuUsage(seconds, machine.busy() / (double) ticksPerSecond, machine.steal() / (double) ticksPerSecond,
        wallSeconds, requests);
  }

  /** Busy CPU that none of the watched processes used: the kernel for others, other people's work. */
  double other() {
    return Math.max(0, machineBusy - seconds.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  /** CPU seconds per 1,000 requests, or NaN when nothing was served. */
  double per1000(double cpuSeconds) {
    return requests > 0 ? cpuSeconds * 1000.0 / requests : Double.NaN;
  }

  /** Average cores busy, of the whole machine or of one process. */
  double cores(double cpuSeconds) {
    return wallSeconds > 0 ? cpuSeconds / wallSeconds : 0;
  }
}
