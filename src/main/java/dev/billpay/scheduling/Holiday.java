package dev.billpay.scheduling;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One US Federal Reserve holiday in one year.
 *
 * @param name the holiday's official name, e.g. {@code Washington's Birthday}
 * @param date the date the holiday falls on
 * @param closedOn the weekday Federal Reserve Banks are closed for it: {@code date} itself, the
 *     following Monday when it falls on a Sunday, or empty when it falls on a Saturday (the Banks
 *     stay open on the Friday before, unlike most federal offices)
 */
public record Holiday(String name, LocalDate date, Optional<LocalDate> closedOn) {
  public Holiday {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(closedOn, "closedOn");
  }
}
