package dev.billpay.scheduling;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Random dates and valid recurrences for property tests. */
final class ScheduleGenerators {
  private ScheduleGenerators() {}

  /** Dates from {@code first} to {@code last}, both included. */
  static Gen<LocalDate> dates(LocalDate first, LocalDate last) {
    return integers().between((int) first.toEpochDay(), (int) last.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /** Dates in the years the holiday table covers, 2020-2035. */
  static Gen<LocalDate> tableDates() {
    return dates(FederalReserveHolidays.FIRST, FederalReserveHolidays.LAST);
  }

  /** Monthly recurrences starting 2020-2035 with any day rule, ended by a count of up to 120. */
  static Gen<Recurrence> monthlyRecurrences() {
    return tableDates().zip(integers().between(1, 31), integers().between(1, 120),
        (start, day, count) -> new Recurrence(Frequency.MONTHLY, start, null, count, day));
  }

  /** Recurrences of every frequency, ended by a count or by an end date up to five years out. */
  static Gen<Recurrence> recurrences() {
    Gen<Frequency> frequencies = Generate.enumValues(Frequency.class);
    return frequencies.zip(tableDates(), integers().between(1, 31), integers().between(1, 1826),
        (frequency, start, day, length) -> recurrence(frequency, start, day, length));
  }

  /** Odd lengths end the plan by count, even ones by an end date {@code length} days out. */
  private static Recurrence recurrence(Frequency frequency, LocalDate start, int day, int length) {
    Integer dayOfMonth = frequency == Frequency.MONTHLY ? day : null;
    if (frequency == Frequency.ONCE) {
      return new Recurrence(frequency, start, null, null, null);
    }
    if (length % 2 == 1) {
      return new Recurrence(frequency, start, null, 1 + length % 100, dayOfMonth);
    }
    LocalDate end = start.plusDays(length);
    if (frequency == Frequency.MONTHLY && end.isBefore(firstMonthly(start, day))) {
      end = firstMonthly(start, day);
    }
    return new Recurrence(frequency, start, end, null, dayOfMonth);
  }

  private static LocalDate firstMonthly(LocalDate start, int day) {
    LocalDate inMonth = start.withDayOfMonth(Math.min(day, start.lengthOfMonth()));
    if (!inMonth.isBefore(start)) {
      return inMonth;
    }
    LocalDate next = start.plusMonths(1);
    return next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
  }
}
