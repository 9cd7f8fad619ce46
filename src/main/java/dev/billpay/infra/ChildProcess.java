package dev.billpay.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server JVM started by the launcher: {@link ChildMain} wraps its main class, its output goes to
 * a log file, and its pid is written to a pid file so that a later start finds and stops a process
 * left behind by a killed run.
 */
final class ChildProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final String CHILD_MAIN_RESOURCE = "dev/billpay/infra/ChildMain.class";

  private final String name;
  private final Path pidFile;
  private final Path logFile;
  private final Map<String, String> environment;
  private final Path directory;
  private Process process;
  private OutputStream lifeline;

  ChildProcess(String name, Path workDir) {
    this(name, workDir, Map.of(), workDir);
  }

  /** A child with extra environment variables, run in {@code directory} (pid and log files stay in workDir). */
  ChildProcess(String name, Path workDir, Map<String, String> environment, Path directory) {
    this.name = name;
    this.pidFile = workDir.resolve(name + ".pid");
    this.logFile = workDir.resolve(name + ".log");
    this.environment = Map.copyOf(environment);
    this.directory = directory;
  }

  /** Runs a JVM to completion (e.g. a one-off tool such as Kafka's storage formatter). */
  static int runToCompletion(String javaBin, List<String> jvmArgs, String classpath, String mainClass,
      List<String> args, Path workDir, Path log) throws IOException, InterruptedException {
    List<String> command = command(javaBin, jvmArgs, classpath, workDir, mainClass, args);
    Process p = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(mainClass + " did not finish within 120 s; see " + log);
    }
    return p.exitValue();
  }

  void start(String javaBin, List<String> jvmArgs, String classpath, String mainClass, List<String> args)
      throws IOException {
    Path workDir = pidFile.getParent();
    stopStale();
    List<String> command = command(javaBin, jvmArgs, classpath, workDir, mainClass, args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    // stdin stays open for the child's whole life: its end is the child's signal to exit
    lifeline = process.getOutputStream();
    Files.writeString(pidFile, Long.toString(process.pid()));
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  Optional<ProcessHandle> handle() {
    return process == null ? Optional.empty() : Optional.of(process.toHandle());
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path logFile() {
    return logFile;
  }

  /** Asks the server to shut down (SIGTERM), waits, then kills it. */
  void stop(long gracefulSeconds) {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(gracefulSeconds, TimeUnit.SECONDS)) {
        LOG.warn("{} did not stop within {} s; killing it", name, gracefulSeconds);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    closeQuietly(lifeline);
    process = null;
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // a stale pid file is checked against the live process at the next start
    }
  }

  /**
   * Stops a process recorded in the pid file by an earlier run, if it is still ours and alive, and
   * waits until it is gone: a server still shutting down on the same data dir (a Cassandra deleting
   * its commit-log segments, say) would break the one we are about to start.
   */
  void stopStale() {
    Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
        .filter(h -> Processes.commandLineContains(h, ChildMain.class.getName()));
    stale.ifPresent(h -> {
      LOG.info("stopping stale {} (pid {}) left by an earlier run", name, h.pid());
      Processes.terminate(h, 60);
      if (h.isAlive()) {
        throw new IllegalStateException("stale " + name + " (pid " + h.pid() + ") did not exit; stop it by hand");
      }
    });
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // overwritten at start
    }
  }

  static Optional<Long> readPid(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
      return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<String> command(String javaBin, List<String> jvmArgs, String classpath, Path workDir,
      String mainClass, List<String> args) throws IOException {
    Path launcherDir = extractChildMain(workDir);
    List<String> command = new ArrayList<>();
    command.add(javaBin);
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(launcherDir + java.io.File.pathSeparator + classpath);
    command.add(ChildMain.class.getName());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** Copies ChildMain.class out of our own classpath so the child needs none of our jars. */
  private static Path extractChildMain(Path workDir) throws IOException {
    Path dir = workDir.resolve("child-launcher");
    Path target = dir.resolve(CHILD_MAIN_RESOURCE);
    Files.createDirectories(target.getParent());
    try (InputStream in = ChildProcess.class.getClassLoader().getResourceAsStream(CHILD_MAIN_RESOURCE)) {
      if (in == null) {
        throw new IOException(CHILD_MAIN_RESOURCE + " not found on the classpath");
      }
      Files.write(target, in.readAllBytes());
    }
    return dir;
  }

  private static void closeQuietly(OutputStream out) {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException ignored) {
      // the child is gone already
    }
  }
}
