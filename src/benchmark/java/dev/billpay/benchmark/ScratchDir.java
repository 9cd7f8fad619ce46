package dev.billpay.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A data dir a tool wipes at every start (the benchmark's, the fault suite's). A marker file says the tool made
 * it, so that a mistyped option never wipes a directory of someone else's.
 */
public final class ScratchDir {
  private ScratchDir() {}

  /** Empties {@code dir} (creating it if needed) unless it holds something the tool did not make. */
  public static void wipe(Path dir, String marker, String tool) throws IOException {
    Path data = dir.toAbsolutePath();
    if (Files.isDirectory(data) && !Files.exists(data.resolve(marker)) && !isEmpty(data)) {
      throw new IllegalStateException(data + " is not empty and was not made by the " + tool + "; choose another"
          + " --data-dir (it is wiped at every start)");
    }
    deleteRecursively(data);
    Files.createDirectories(data);
    Files.writeString(data.resolve(marker), "billpay " + tool + " data: wiped at every " + tool + " start\n");
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
