package dev.billpay.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stopping operating-system processes we started in an earlier run. */
final class Processes {
  private Processes() {}

  /**
   * Whether the process's command line contains {@code marker}. Read whole from /proc: the JDK's
   * {@link ProcessHandle.Info#commandLine()} is cut at 4,096 bytes, and a server JVM's command line
   * (10 KB of classpath) has our marker past that. Without /proc, the JDK's view is the best we have,
   * and a process whose command line cannot be read at all is taken to be ours, as its pid file says.
   */
  static boolean commandLineContains(ProcessHandle handle, String marker) {
    Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
    try {
      if (Files.isReadable(cmdline)) {
        return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ').contains(marker);
      }
    } catch (IOException e) {
      // the process exited meanwhile, or /proc hides it: fall back to the JDK's view
    }
    return handle.info().commandLine().map(c -> c.contains(marker)).orElse(true);
  }

  static void terminate(ProcessHandle handle, long gracefulSeconds) {
    handle.destroy();
    try {
      handle.onExit().get(gracefulSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // nothing more we can do; the port check will report it
      }
    }
  }
}
