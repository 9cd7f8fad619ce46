package dev.billpay.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjuster;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** How one holiday's date follows from the year, and the first year it was a Fed holiday. */
record HolidayRule(String name, int firstYear, Month month, TemporalAdjuster dayInMonth) {

  static HolidayRule fixed(String name, Month month, int day) {
    return new HolidayRule(name, Integer.MIN_VALUE, month,
        TemporalAdjusters.ofDateAdjuster(date -> date.withDayOfMonth(day)));
  }

  static HolidayRule nth(String name, int ordinal, DayOfWeek dayOfWeek, Month month) {
    return new HolidayRule(name, Integer.MIN_VALUE, month,
        TemporalAdjusters.dayOfWeekInMonth(ordinal, dayOfWeek));
  }

  static HolidayRule last(String name, DayOfWeek dayOfWeek, Month month) {
    return new HolidayRule(name, Integer.MIN_VALUE, month,
        TemporalAdjusters.lastInMonth(dayOfWeek));
  }

  HolidayRule since(int year) {
    return new HolidayRule(name, year, month, dayInMonth);
  }

  /** The holiday in {@code year}, or empty before the year it was first kept. */
  Optional<Holiday> in(int year) {
    if (year < firstYear) {
      return Optional.empty();
    }
    LocalDate date = LocalDate.of(year, month, 1).with(dayInMonth);
    return Optional.of(new Holiday(name, date, closedOn(date)));
  }

  /**
   * The Federal Reserve's own observance rule, which differs from the federal government's: a
   * Sunday holiday closes the Banks on Monday, but a Saturday holiday does not close them on
   * Friday (the Board of Governors closes, the Banks and their payment services do not).
   */
  private static Optional<LocalDate> closedOn(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> Optional.empty();
      case SUNDAY -> Optional.of(date.plusDays(1));
      default -> Optional.of(date);
    };
  }
}
