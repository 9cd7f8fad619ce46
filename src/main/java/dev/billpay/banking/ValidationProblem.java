package dev.billpay.banking;

import java.util.Objects;

/**
 * One thing wrong with a bank-account input.
 *
 * @param code stable machine-readable code such as {@code routing_number.checksum}; it names the
 *     kind of check, so it stays the same whatever the field is called
 * @param field the input the problem is about, as named by the caller
 * @param message a human-readable explanation that never repeats the full account data
 * @param suggestion a value for {@code field} that would fix it (e.g. the routing number that
 *     replaced this one), or null
 */
public record ValidationProblem(String code, String field, String message, String suggestion) {
  public ValidationProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  public ValidationProblem(String code, String field, String message) {
    this(code, field, message, null);
  }
}
