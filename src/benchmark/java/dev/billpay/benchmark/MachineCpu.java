package dev.billpay.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU from the first line of {@code /proc/stat}, in clock ticks: what every
 * process used (ours and anyone else's), and the time the hypervisor gave to other guests (steal).
 */
record MachineCpu(long busy, long idle, long iowait, long steal) {
  static final MachineCpu NONE = new MachineCpu(0, 0, 0, 0);

  /** Parses {@code cpu  user nice system idle iowait irq softirq steal ...}. */
  static MachineCpu parse(String firstLine) {
    String[] f = firstLine.strip().split("\\s+");
    if (!"cpu".equals(f[0]) || f.length < 8) {
      throw new IllegalArgumentException("not the cpu line of /proc/stat: " + firstLine);
    }
    long user = Long.parseLong(f[1]);
    long nice = Long.parseLong(f[2]);
    long system = Long.parseLong(f[3]);
    long idle = Long.parseLong(f[4]);
    long iowait = Long.parseLong(f[5]);
    long irq = Long.parseLong(f[6]);
    long softirq = Long.parseLong(f[7]);
    long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
    // guest time is already part of user time, so it is not added again
    return new MachineCpu(user + nice + system + irq + softirq, idle, iowait, steal);
  }

  static MachineCpu read() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  MachineCpu minus(MachineCpu earlier) {
    return new MachineCpu(busy - earlier.busy, idle - earlier.idle, iowait - earlier.iowait, steal - earlier.steal);
  }
}
