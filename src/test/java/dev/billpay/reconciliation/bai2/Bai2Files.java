package dev.billpay.reconciliation.bai2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;

/** Reading BAI2 test files and variations of them. */
final class Bai2Files {
  static final String SAMPLE = "/bai2/statement-sample.bai2";

  private Bai2Files() {}

  static List<String> lines(String resource) {
    try (InputStream in = Bai2Files.class.getResourceAsStream(resource)) {
      Assertions.assertThat(in).as(resource).isNotNull();
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines with line {@code number} (1-based) replaced. */
  static List<String> replace(List<String> lines, int number, String line) {
    List<String> changed = new ArrayList<>(lines);
    changed.set(number - 1, line);
    return changed;
  }

  static Bai2File read(List<String> lines) {
    return read(String.join("\n", lines) + "\n");
  }

  static Bai2File read(String content) {
    try {
      return Bai2Reader.read(new BufferedReader(new StringReader(content)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems the reader reports for the file, or an assertion error if it accepts it. */
  static List<Bai2Problem> problems(List<String> lines) {
    try {
      read(lines);
    } catch (Bai2FormatException e) {
      return e.problems();
    }
    throw new AssertionError("the reader accepted the file");
  }
}
