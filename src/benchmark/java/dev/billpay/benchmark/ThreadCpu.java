package dev.billpay.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JVM's CPU by thread, from {@code /proc/<pid>/task/<tid>/stat}, grouped by thread name with the
 * numbers taken out ({@code vert.x-eventloop-thread-1} and {@code -0} become one group). Shows whether
 * a process's CPU went to its own work, to the JIT compiler or to the garbage collector. Names are
 * the kernel's (at most 15 characters), not guessed categories.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  /** Clock ticks by thread group; threads that ended between two samples drop out of both. */
  static Map<String, Long> sample(long pid) {
    Map<String, Long> ticks = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
      for (Path dir : dirs) {
        try {
          String line = Files.readString(dir.resolve("stat"));
          ticks.merge(group(ProcessCpu.command(line)), ProcessCpu.parse(line).own(), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    return ticks;
  }

  /** The thread's name with every run of digits replaced by '#'. */
  static String group(String threadName) {
    return threadName.replaceAll("\\d+", "#").strip();
  }
}
