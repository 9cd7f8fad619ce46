package dev.billpay.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * A CPU profile of the gateway JVM with async-profiler (--profile), loaded into the running gateway
 * through the JDK's attach API, so the gateway starts as in every other run and only the profiled
 * window pays for it. The native library comes out of the {@code tools.profiler:async-profiler}
 * jar. Hardware CPU samples (perf_events) need a kernel that allows them; when it does not, the
 * profile falls back to the interval timer (itimer), and the report says which one was used.
 */
final class GatewayProfiler {
  static final String INTERVAL = "10ms";
  private final Path library;
  private final long pid;
  private String event;

  private GatewayProfiler(Path library, long pid) {
    this.library = library;
    this.pid = pid;
  }

  /** Unpacks the library for this machine's architecture from {@code jar} into {@code dir}. */
  static GatewayProfiler of(Path jar, Path dir, long pid) throws Exception {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String entry = (arch.contains("aarch64") || arch.contains("arm64") ? "linux-arm64" : "linux-x64")
        + "/libasyncProfiler.so";
    Files.createDirectories(dir);
    Path library = dir.resolve("libasyncProfiler.so").toAbsolutePath();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var e = zip.getEntry(entry);
      if (e == null) {
        throw new IllegalStateException(jar + " has no " + entry);
      }
      try (InputStream in = zip.getInputStream(e)) {
        Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new GatewayProfiler(library, pid);
  }

  /** Starts sampling: CPU (perf_events) if the kernel lets it, else the interval timer. */
  String start() throws Exception {
    try {
      command("start,event=cpu,interval=" + INTERVAL);
      event = "cpu (perf_events)";
    } catch (Exception perfEventsRefused) {
      command("start,event=itimer,interval=" + INTERVAL);
      event = "itimer (perf_events unavailable: " + perfEventsRefused.getMessage() + ")";
    }
    return event;
  }

  /** Stops sampling and writes the flame graph (HTML) to {@code file}. */
  void stop(Path file) throws Exception {
    command("stop,flamegraph,title=billpay-gateway half-peak CPU,file=" + file.toAbsolutePath());
  }

  /**
   * Profiles the measured window of {@code window} (start at its beginning, flame graph at its end)
   * on a thread of its own, so the phase runs as it would without it; a failure becomes the outcome's problem.
   */
  CompletableFuture<BenchmarkResults.Profile> during(LoadGenerator.Window window, Path file) {
    CompletableFuture<BenchmarkResults.Profile> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        sleepUntil(window.from());
        start();
        sleepUntil(window.to());
        stop(file);
        done.complete(new BenchmarkResults.Profile(file.getFileName().toString(), event, null));
      } catch (Exception | LinkageError e) {
        done.complete(new BenchmarkResults.Profile(null, event, e.toString()));
      }
    }, "gateway-profiler");
    t.setDaemon(true);
    t.start();
    return done;
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private void command(String options) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      vm.loadAgentPath(library.toString(), options);
    } finally {
      vm.detach();
    }
  }
}
