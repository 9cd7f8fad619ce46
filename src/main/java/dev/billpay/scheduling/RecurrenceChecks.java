package dev.billpay.scheduling;

import static dev.billpay.scheduling.Recurrence.COUNT;
import static dev.billpay.scheduling.Recurrence.DAY_OF_MONTH;
import static dev.billpay.scheduling.Recurrence.END_DATE;
import static dev.billpay.scheduling.Recurrence.MAX_OCCURRENCES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a recurrence's fields must follow together. Frequency and start date may be missing
 * (already reported by the caller); checks that need them are skipped, independent ones still run.
 */
final class RecurrenceChecks {
  private RecurrenceChecks() {}

  static List<RecurrenceProblem> check(Frequency frequency, LocalDate startDate,
      LocalDate endDate, Integer count, Integer dayOfMonth) {
    List<RecurrenceProblem> problems = new ArrayList<>();
    if (frequency == Frequency.ONCE) {
      checkOnce(endDate, count, problems);
    } else {
      checkEnd(frequency, endDate, count, problems);
    }
    if (dayOfMonth != null) {
      checkDayOfMonth(frequency, dayOfMonth, problems);
    }
    if (frequency != Frequency.ONCE && startDate != null && endDate != null) {
      checkEndDate(frequency, startDate, endDate, dayOfMonth, problems);
    }
    return List.copyOf(problems);
  }

  /**
   * A once plan pays on its start date; an end date or count would be ignored, and ignoring it
   * would hide a client that meant to ask for a recurring plan, so both are refused.
   */
  private static void checkOnce(
      LocalDate endDate, Integer count, List<RecurrenceProblem> problems) {
    if (endDate != null) {
      problems.add(new RecurrenceProblem(Recurrence.END_DATE_NOT_ALLOWED, END_DATE,
          "is not allowed for a once plan"));
    }
    if (count != null) {
      problems.add(new RecurrenceProblem(Recurrence.COUNT_NOT_ALLOWED, COUNT,
          "is not allowed for a once plan"));
    }
  }

  private static void checkEnd(Frequency frequency, LocalDate endDate, Integer count,
      List<RecurrenceProblem> problems) {
    if (endDate == null && count == null && frequency != null) {
      problems.add(new RecurrenceProblem(Recurrence.END_REQUIRED, END_DATE,
          "or count is required for a " + frequency.wire() + " plan"));
    }
    if (endDate != null && count != null) {
      problems.add(new RecurrenceProblem(Recurrence.COUNT_CONFLICT, COUNT,
          "cannot be given together with end_date"));
    }
    if (count != null && (count < 1 || count > MAX_OCCURRENCES)) {
      problems.add(new RecurrenceProblem(Recurrence.COUNT_RANGE, COUNT,
          "must be between 1 and " + MAX_OCCURRENCES));
    }
  }

  private static void checkDayOfMonth(Frequency frequency, int dayOfMonth,
      List<RecurrenceProblem> problems) {
    if (frequency != null && frequency != Frequency.MONTHLY) {
      problems.add(new RecurrenceProblem(Recurrence.DAY_OF_MONTH_NOT_ALLOWED, DAY_OF_MONTH,
          "is only allowed for a monthly plan"));
    } else if (dayOfMonth < 1 || dayOfMonth > 31) {
      problems.add(new RecurrenceProblem(Recurrence.DAY_OF_MONTH_RANGE, DAY_OF_MONTH,
          "must be between 1 and 31"));
    }
  }

  /** A plan must pay at least once and, like one with a count, at most MAX_OCCURRENCES times. */
  private static void checkEndDate(Frequency frequency, LocalDate startDate, LocalDate endDate,
      Integer dayOfMonth, List<RecurrenceProblem> problems) {
    if (endDate.isBefore(startDate)) {
      problems.add(new RecurrenceProblem(Recurrence.END_DATE_BEFORE_START, END_DATE,
          "must not be before start_date"));
      return;
    }
    boolean dayUsable = dayOfMonth == null || (dayOfMonth >= 1 && dayOfMonth <= 31);
    if (frequency == null || (frequency == Frequency.MONTHLY && !dayUsable)) {
      return;
    }
    Cadence cadence = new Cadence(frequency, startDate,
        dayOfMonth == null ? startDate.getDayOfMonth() : dayOfMonth);
    if (endDate.isBefore(cadence.dateOf(1))) {
      problems.add(new RecurrenceProblem(Recurrence.END_DATE_NO_OCCURRENCE, END_DATE,
          "must not be before the first occurrence, " + cadence.dateOf(1)));
    } else if (!endDate.isBefore(cadence.dateOf(MAX_OCCURRENCES + 1L))) {
      problems.add(new RecurrenceProblem(Recurrence.END_DATE_TOO_FAR, END_DATE,
          "must be before " + cadence.dateOf(MAX_OCCURRENCES + 1L) + ": a plan has at most "
              + MAX_OCCURRENCES + " occurrences"));
    }
  }
}
