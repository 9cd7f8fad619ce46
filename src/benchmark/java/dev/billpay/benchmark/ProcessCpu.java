package dev.billpay.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (utime and stime, in clock ticks). A PostgreSQL
 * server is a postmaster plus one backend per connection, so it is counted with its children, live
 * ones directly and exited ones through the postmaster's cutime/cstime.
 */
final class ProcessCpu {
  /** A process to watch under a display name; {@code withChildren} for the PostgreSQL postmaster. */
  record Watched(String name, long pid, boolean withChildren) {}

  /** The numbers of one stat line that we use. */
  record Stat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
    long own() {
      return utime + stime;
    }

    long withReapedChildren() {
      return utime + stime + cutime + cstime;
    }
  }

  static final String GATEWAY = "gateway JVM";
  static final String POSTGRES = "PostgreSQL";
  static final String KAFKA = "Kafka";
  static final String CASSANDRA = "Cassandra";
  static final String ENDPOINT = "in-memory endpoint";
  static final String LOAD_GENERATOR = "load generator";
  /** The report's column order. */
  static final List<String> NAMES = List.of(GATEWAY, POSTGRES, KAFKA, CASSANDRA, ENDPOINT, LOAD_GENERATOR);

  private static final Path PROC = Path.of("/proc");

  private ProcessCpu() {}

  /**
   * Parses a {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may
   * itself hold spaces and parentheses, so fields are counted from the last ')'.
   */
  static Stat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
    }
    long pid = Long.parseLong(line.substring(0, open).strip());
    String[] f = line.substring(close + 1).strip().split("\\s+");
    // f[0] is field 3 (state): field n is f[n - 3]
    if (f.length < 15) {
      throw new IllegalArgumentException("too few fields in /proc/<pid>/stat line: " + line);
    }
    return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
        Long.parseLong(f[13]), Long.parseLong(f[14]));
  }

  /** The command (or thread) name of a stat line: field 2, between the first '(' and the last ')'. */
  static String command(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
    }
    return line.substring(open + 1, close);
  }

  /** Clock ticks used so far by each watched process (absent when it is gone or unreadable). */
  static Map<String, Long> sample(List<Watched> watched) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    List<Stat> all = null;
    for (Watched w : watched) {
      Stat self = read(w.pid());
      if (self == null) {
        continue;
      }
      if (!w.withChildren()) {
        ticks.put(w.name(), self.own());
        continue;
      }
      if (all == null) {
        all = readAll();
      }
      long sum = self.withReapedChildren();
      for (Stat s : all) {
        if (s.ppid() == w.pid()) {
          sum += s.withReapedChildren();
        }
      }
      ticks.put(w.name(), sum);
    }
    return ticks;
  }

  static Stat read(long pid) {
    try {
      return parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<Stat> readAll() {
    List<Stat> out = new java.util.ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path dir : dirs) {
        Stat s = read(Long.parseLong(dir.getFileName().toString()));
        if (s != null) {
          out.add(s);
        }
      }
    } catch (IOException e) {
      // no /proc: nothing to add
    }
    return out;
  }
}
