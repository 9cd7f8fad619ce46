package dev.billpay.reconciliation.bai2;

import java.util.Objects;

/**
 * One thing wrong with a BAI2 file.
 *
 * @param line 1-based physical line of the file the problem is on
 * @param field the BAI2 field name in snake_case ({@code account_control_total}, {@code amount},
 *     ...), {@code record} for the record as a whole, {@code record_code} for records out of place
 * @param message what is wrong; never repeats an account number
 */
public record Bai2Problem(int line, String field, String message) {
  public Bai2Problem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "line " + line + ", " + field + ": " + message;
  }
}
