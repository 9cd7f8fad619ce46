package dev.billpay.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A command of our own run in a child JVM: {@code billpay <args>}, or the main class of a tool built
 * next to the gateway (the benchmark measures the gateway's CPU from outside, so the gateway must be a
 * process of its own, and so must the benchmark's in-memory endpoint). Like the embedded servers it runs
 * under {@link ChildMain}: it exits when we go, even after a {@code kill -9} of this JVM, and a pid file lets
 * the next start stop one left behind.
 */
public final class ChildJvm {
  private static final String BILLPAY_MAIN = "dev.billpay.cli.Billpay";
  private final ChildProcess child;

  private ChildJvm(ChildProcess child) {
    this.child = child;
  }

  /**
   * Starts {@code billpay <args>} with this JVM's java and classpath, in {@code directory} (config and
   * runtime paths are relative to it), with {@code environment} added; output goes to
   * {@code <workDir>/<name>.log}.
   */
  public static ChildJvm startBillpay(String name, Path workDir, Path directory, Map<String, String> environment,
      List<String> jvmArgs, List<String> args) throws IOException {
    return start(BILLPAY_MAIN, name, workDir, directory, environment, jvmArgs, args);
  }

  /**
   * Starts {@code mainClass} with {@code args}, like {@link #startBillpay}: for a tool whose main class
   * is not {@code billpay}'s but lives on the same classpath.
   */
  public static ChildJvm start(String mainClass, String name, Path workDir, Path directory,
      Map<String, String> environment, List<String> jvmArgs, List<String> args) throws IOException {
    Files.createDirectories(workDir);
    ChildProcess child = new ChildProcess(name, workDir, environment, directory);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    child.start(java, jvmArgs, ownClasspath(), mainClass, args);
    return new ChildJvm(child);
  }

  /**
   * This JVM's classpath with every entry made absolute, since the child may run in another directory. A
   * jar's manifest Class-Path is followed in the child as it is here, so {@code java -jar tool.jar}
   * hands the child everything that jar reaches.
   */
  private static String ownClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Stops a child of this name left running by an earlier, killed run (found by its pid file). */
  public static void stopStale(String name, Path workDir) {
    new ChildProcess(name, workDir).stopStale();
  }

  public long pid() {
    return child.pid();
  }

  public boolean isAlive() {
    return child.isAlive();
  }

  public Path logFile() {
    return child.logFile();
  }

  /**
   * SIGKILL, as a crash would: nothing in the child runs any more, its embedded servers see their
   * parent go (the fault suite's "kill -9 of the gateway"). Returns once the process is gone.
   */
  public void kill() {
    ProcessHandle.of(pid()).ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().join();
    });
  }

  /** SIGTERM (the gateway then stops its embedded servers), then a kill after {@code gracefulSeconds}. */
  public void stop(long gracefulSeconds) {
    child.stop(gracefulSeconds);
  }
}
