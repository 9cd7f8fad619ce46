package dev.billpay.faults;

import dev.billpay.infra.ChildJvm;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code billpay} process of the suite ({@code dev}, {@code stack} or {@code serve} with some roles),
 * started and, after a kill, started again exactly as it was launched. Ready means its own ready line
 * appeared in its log after this start; a start whose process exits first is a failed attempt, and the
 * report says whether every restart succeeded on its first attempt.
 */
final class GatewayProcess {
  private final String name;
  private final List<String> args;
  private final Map<String, String> environment;
  private final List<String> jvmArgs;
  private final Path workDir;
  private final Path directory;
  private final String readyLine;
  private final Integer httpPort;
  private final List<Start> starts = new ArrayList<>();
  private ChildJvm child;

  /** How one start went: attempts it took, seconds to ready. */
  record Start(Instant at, int attempts, double seconds) {}

  GatewayProcess(String name, List<String> args, Map<String, String> environment, List<String> jvmArgs,
      Path workDir, Path directory, String readyLine, Integer httpPort) {
    this.name = name;
    this.args = List.copyOf(args);
    this.environment = Map.copyOf(environment);
    this.jvmArgs = List.copyOf(jvmArgs);
    this.workDir = workDir;
    this.directory = directory;
    this.readyLine = readyLine;
    this.httpPort = httpPort;
  }

  String name() {
    return name;
  }

  /** The API's port, or null for a process without the api role. */
  Integer httpPort() {
    return httpPort;
  }

  List<Start> starts() {
    return List.copyOf(starts);
  }

  Path logFile() {
    return workDir.resolve(name + ".log");
  }

  long pid() {
    return child == null ? -1 : child.pid();
  }

  /** Starts the process and waits for its ready line; up to three attempts, each recorded. */
  void start(Duration within) throws Exception {
    Instant at = Instant.now();
    long t0 = System.nanoTime();
    Exception last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      long offset = Files.exists(logFile()) ? Files.size(logFile()) : 0;
      child = ChildJvm.startBillpay(name, workDir, directory, environment, jvmArgs, args);
      try {
        awaitReadyLine(offset, within);
        starts.add(new Start(at, attempt, (System.nanoTime() - t0) / 1e9));
        return;
      } catch (IllegalStateException failed) {
        last = failed;
        child.kill();
      }
    }
    starts.add(new Start(at, 4, (System.nanoTime() - t0) / 1e9));
    throw last;
  }

  /** SIGKILL, then the same start again. */
  void killAndRestart(Duration within) throws Exception {
    kill();
    start(within);
  }

  void kill() {
    if (child != null) {
      child.kill();
    }
  }

  void stop() {
    if (child != null) {
      child.stop(60);
    }
  }

  private void awaitReadyLine(long offset, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (logSince(offset).contains(readyLine)) {
        return;
      }
      if (!child.isAlive()) {
        throw new IllegalStateException(name + " exited before it was ready; see " + logFile());
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " was not ready within " + within.toSeconds() + " s; see " + logFile());
  }

  private String logSince(long offset) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
      if (file.length() <= offset) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(file.length() - offset, 8 << 20)];
      file.seek(offset);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
