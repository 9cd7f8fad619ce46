package dev.billpay.scheduling;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The endless series of nominal dates a recurrence picks from, numbered from 1, before any end
 * date or count cuts it off. Sequences are {@code long} so that asking about a far-off date cannot
 * overflow; callers bound them.
 *
 * @param dayOfMonth the monthly day rule, 1-31; ignored for other frequencies
 */
record Cadence(Frequency frequency, LocalDate start, int dayOfMonth) {

  /** The {@code sequence}-th date (from 1); a once cadence has only the first. */
  LocalDate dateOf(long sequence) {
    return switch (frequency) {
      case ONCE -> {
        if (sequence != 1) {
          throw new IllegalArgumentException("a once plan has only occurrence 1");
        }
        yield start;
      }
      case WEEKLY, BIWEEKLY -> start.plusDays(stepDays() * (sequence - 1));
      case MONTHLY -> clamped(YearMonth.from(start).plusMonths(sequence - 1 + skippedMonths()));
    };
  }

  /** The sequence of the first date on or after {@code date}. */
  long firstSequenceOnOrAfter(LocalDate date) {
    if (!date.isAfter(dateOf(1))) {
      return 1;
    }
    return switch (frequency) {
      case ONCE -> 2;
      case WEEKLY, BIWEEKLY -> Math.floorDiv(start.until(date, DAYS) - 1, stepDays()) + 2;
      case MONTHLY -> {
        YearMonth month = YearMonth.from(date);
        long months = YearMonth.from(start).until(month, MONTHS);
        if (clamped(month).isBefore(date)) {
          months++;
        }
        yield months - skippedMonths() + 1;
      }
    };
  }

  private long stepDays() {
    return frequency == Frequency.BIWEEKLY ? 14 : 7;
  }

  /**
   * 1 when the start month's date is before the start date (start on the 20th, paying on the
   * 5th), so the series starts the month after: the start date is the first day a plan may pay.
   */
  private int skippedMonths() {
    return clamped(YearMonth.from(start)).isBefore(start) ? 1 : 0;
  }

  /**
   * Every date is clamped from the rule's day, never from the previous date, so a plan on the
   * 31st goes Jan 31, Feb 28, Mar 31 rather than drifting to the 28th.
   */
  private LocalDate clamped(YearMonth month) {
    return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
  }
}
