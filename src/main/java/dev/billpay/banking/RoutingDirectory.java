package dev.billpay.banking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The set of routing numbers the gateway knows about, optionally with bank names.
 *
 * <p>File format: one 9-digit routing number per line, optionally followed by a comma or
 * whitespace and the bank name; {@code #} starts a comment and blank lines are ignored. An empty
 * directory means "no directory configured", in which case membership is not checked at all.
 */
public final class RoutingDirectory {
  private static final RoutingDirectory EMPTY = new RoutingDirectory(Map.of());

  /** Routing number to bank name; "" when the file gives no name (Map.copyOf refuses nulls). */
  private final Map<String, String> bankNames;

  private RoutingDirectory(Map<String, String> bankNames) {
    this.bankNames = Map.copyOf(bankNames);
  }

  /** A directory with no entries: membership is not checked. */
  public static RoutingDirectory empty() {
    return EMPTY;
  }

  /**
   * Reads a directory file (UTF-8).
   *
   * @throws IOException if the file cannot be read, or a line does not start with 9 digits (a
   *     half-read directory would reject real customers' banks, so it fails loudly instead)
   */
  public static RoutingDirectory load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, String> bankNames = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = withoutComment(lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      int separator = firstSeparator(line);
      String number = line.substring(0, separator);
      if (!isNineDigits(number)) {
        throw new IOException(file + ":" + (i + 1) + ": expected a 9-digit routing number");
      }
      bankNames.put(number, nameAfterNumber(line.substring(separator)));
    }
    return new RoutingDirectory(bankNames);
  }

  public boolean isEmpty() {
    return bankNames.isEmpty();
  }

  public boolean contains(String routingNumber) {
    return routingNumber != null && bankNames.containsKey(routingNumber);
  }

  /** Every routing number listed, for checking a directory file as a whole. */
  Set<String> routingNumbers() {
    return bankNames.keySet();
  }

  /** The bank's name, when the directory lists the number with one. */
  public Optional<String> bankName(String routingNumber) {
    if (routingNumber == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(bankNames.get(routingNumber)).filter(name -> !name.isEmpty());
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static int firstSeparator(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ',' || Character.isWhitespace(c)) {
        return i;
      }
    }
    return line.length();
  }

  /** The rest of the line after the number: "", ", Name", " Name" or " , Name". */
  private static String nameAfterNumber(String rest) {
    String name = rest.strip();
    if (name.startsWith(",")) {
      name = name.substring(1).strip();
    }
    return name;
  }

  private static boolean isNineDigits(String value) {
    return value.length() == 9 && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
