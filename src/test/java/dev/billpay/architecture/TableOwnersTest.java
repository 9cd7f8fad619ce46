package dev.billpay.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One writer per table, read off the SQL in the production sources: every INSERT, UPDATE and DELETE
 * of a table sits in the one package that owns it, and the payments table appears in SQL only in
 * {@code payments}, so its states are read and moved only next to the state machine.
 */
@DisplayName("The tables")
class TableOwnersTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/billpay");
  private static final Pattern WRITE = Pattern.compile("(?:INSERT INTO|UPDATE|DELETE FROM)\\s+([a-z_]+)");
  /** SQL that reads or writes the payments table (bench_payments and the like are other tables). */
  private static final Pattern PAYMENTS_TABLE_IN_SQL = Pattern.compile(
      "(?:FROM|JOIN|UPDATE|INTO)\\s+payments\\b(?!_)");

  @Test
  @DisplayName("each table is written by exactly one package")
  void oneWriterPerTable() throws IOException {
    Map<String, Set<String>> writers = new TreeMap<>();
    for (Path file : javaFiles()) {
      Matcher m = WRITE.matcher(Files.readString(file));
      while (m.find()) {
        writers.computeIfAbsent(m.group(1), t -> new TreeSet<>()).add(packageOf(file));
      }
    }
    assertThat(writers).as("tables the sources write").containsKey("payments");
    Map<String, Set<String>> shared = new TreeMap<>();
    writers.forEach((table, packages) -> {
      if (packages.size() > 1) {
        shared.put(table, packages);
      }
    });
    assertThat(shared).as("tables written by more than one package").isEmpty();
    assertThat(writers.get("payments")).containsExactly("payments");
  }

  @Test
  @DisplayName("the payments table (and so every payment state in SQL) appears only in the payments package")
  void paymentsTableOnlyInPayments() throws IOException {
    List<String> outside = new java.util.ArrayList<>();
    for (Path file : javaFiles()) {
      if (packageOf(file).equals("payments")) {
        continue;
      }
      Matcher m = PAYMENTS_TABLE_IN_SQL.matcher(Files.readString(file));
      while (m.find()) {
        outside.add(SOURCES.relativize(file) + ": " + m.group());
      }
    }
    assertThat(outside).as("SQL on the payments table outside payments").isEmpty();
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The feature package a file belongs to: its first directory under dev/billpay. */
  private static String packageOf(Path file) {
    return SOURCES.relativize(file).getName(0).toString();
  }
}
