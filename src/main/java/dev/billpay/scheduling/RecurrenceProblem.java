package dev.billpay.scheduling;

import java.util.Objects;

/**
 * One thing wrong with a plan's recurrence input.
 *
 * @param code stable machine-readable code such as {@code count.range}; one of the constants on
 *     {@link Recurrence}
 * @param field the input the problem is about, by its API name ({@code end_date})
 * @param message a human-readable explanation
 */
public record RecurrenceProblem(String code, String field, String message) {
  public RecurrenceProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
