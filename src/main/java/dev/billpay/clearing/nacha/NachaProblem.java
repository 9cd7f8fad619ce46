package dev.billpay.clearing.nacha;

import java.util.Objects;

/**
 * One thing wrong with a NACHA file being read.
 *
 * @param line 1-based line number the problem was found on
 * @param field the record field concerned, e.g. {@code entryHash}, or {@code record} for the
 *     record as a whole
 * @param message what is wrong, without repeating account numbers
 */
public record NachaProblem(int line, String field, String message) {
  public NachaProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "line " + line + ", " + field + ": " + message;
  }
}
