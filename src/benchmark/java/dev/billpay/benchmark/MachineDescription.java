package dev.billpay.benchmark;

import dev.billpay.infra.HostCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine the numbers come from, as the report's first table shows it. */
record MachineDescription(String cores, String memory, String cpuModel, String kernel, String os, String java,
    String commit, String storage) {

  /** This machine; {@code dataDir} is where PostgreSQL fsyncs, whose file system the report names. */
  static MachineDescription ofThisMachine(Path dataDir) {
    String cores = HostCommands.firstLine(List.of("nproc"))
        .orElse(Runtime.getRuntime().availableProcessors() + " (JVM)");
    return new MachineDescription(cores, readMemory(), readCpuModel(), readKernel(), readOs(), readJava(), readCommit(),
        readStorage(dataDir));
  }

  /** The mount holding {@code dir}: the longest mount point that contains it, from /proc/mounts. */
  private static String readStorage(Path dir) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      real = dir.toAbsolutePath().normalize();
    }
    String best = null;
    int bestLength = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
        String[] f = line.split(" ");
        if (f.length >= 3 && real.startsWith(Path.of(f[1])) && f[1].length() > bestLength) {
          bestLength = f[1].length();
          best = f[2] + " on " + f[0] + " (mounted at " + f[1] + ")";
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return best == null ? "unknown" : best;
  }

  private static String readMemory() {
    return line(Path.of("/proc/meminfo"), "MemTotal:")
        .map(l -> l.replaceAll("\\D+", ""))
        .map(kib -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kib) / 1024.0 / 1024.0))
        .orElse("unknown");
  }

  private static String readCpuModel() {
    return line(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).strip())
        .orElse("unknown");
  }

  private static String readKernel() {
    return read(Path.of("/proc/sys/kernel/osrelease")).map(String::strip).orElse(System.getProperty("os.version"));
  }

  private static String readOs() {
    return line(Path.of("/etc/os-release"), "PRETTY_NAME=").map(l -> l.substring(12).replace("\"", ""))
        .orElse(System.getProperty("os.name"));
  }

  private static String readJava() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  /** HEAD of the checkout, marked "+ local changes" when the working tree differs from it. */
  private static String readCommit() {
    Optional<String> head = HostCommands.firstLine(List.of("git", "log", "-1", "--format=%h %s"));
    if (head.isEmpty()) {
      return "unknown (not a git checkout)";
    }
    boolean dirty = HostCommands.firstLine(List.of("git", "status", "--porcelain", "--untracked-files=no")).isPresent();
    String subject = head.get().length() > 90 ? head.get().substring(0, 90) + "..." : head.get();
    return subject + (dirty ? " + local changes" : "");
  }

  private static Optional<String> line(Path file, String prefix) {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
