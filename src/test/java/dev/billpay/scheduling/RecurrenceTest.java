package dev.billpay.scheduling;

import static dev.billpay.scheduling.Frequency.BIWEEKLY;
import static dev.billpay.scheduling.Frequency.MONTHLY;
import static dev.billpay.scheduling.Frequency.ONCE;
import static dev.billpay.scheduling.Frequency.WEEKLY;
import static dev.billpay.scheduling.ScheduleGenerators.monthlyRecurrences;
import static dev.billpay.scheduling.ScheduleGenerators.recurrences;
import static dev.billpay.scheduling.ScheduleGenerators.tableDates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Plan recurrences")
class RecurrenceTest {

  @Test
  @DisplayName("frequencies parse from their exact lower-case wire names only")
  void frequencyWireNames() {
    for (Frequency frequency : Frequency.values()) {
      assertThat(Frequency.fromWire(frequency.wire())).contains(frequency);
    }
    assertThat(Stream.of(Frequency.values()).map(Frequency::wire))
        .containsExactly("once", "weekly", "biweekly", "monthly");
    assertThat(Frequency.fromWire("Weekly")).isEmpty();
    assertThat(Frequency.fromWire("fortnightly")).isEmpty();
    assertThat(Frequency.fromWire(null)).isEmpty();
  }

  @Test
  @DisplayName("a once plan pays on its start date only")
  void once() {
    Recurrence once = new Recurrence(ONCE, day("2025-03-15"), null, null, null);
    assertThat(once.occurrencesBetween(day("2025-01-01"), day("2025-12-31")))
        .containsExactly(day("2025-03-15"));
    assertThat(once.totalOccurrences()).isEqualTo(1);
    assertThat(once.nth(1)).contains(day("2025-03-15"));
    assertThat(once.nth(2)).isEmpty();
    assertThat(once.next(day("2025-03-14"), 5)).containsExactly(day("2025-03-15"));
    assertThat(once.next(day("2025-03-15"), 5)).isEmpty();
  }

  @Test
  @DisplayName("weekly and biweekly plans pay every 7 and 14 days from the start, across month and year ends")
  void weeklyAndBiweekly() {
    Recurrence weekly = new Recurrence(WEEKLY, day("2024-12-17"), null, 4, null);
    assertThat(weekly.occurrencesBetween(day("2024-01-01"), day("2025-12-31"))).containsExactly(
        day("2024-12-17"), day("2024-12-24"), day("2024-12-31"), day("2025-01-07"));
    Recurrence biweekly = new Recurrence(BIWEEKLY, day("2024-02-15"), null, 3, null);
    assertThat(biweekly.occurrencesBetween(day("2024-01-01"), day("2025-12-31"))).containsExactly(
        day("2024-02-15"), day("2024-02-29"), day("2024-03-14"));
  }

  @Test
  @DisplayName("a plan on the 31st pays on every month's last day through leap year 2028")
  void thirtyFirstThroughALeapYear() {
    Recurrence monthly = new Recurrence(MONTHLY, day("2028-01-31"), null, 12, null);
    assertThat(monthly.dayOfMonth()).isEqualTo(31);
    assertThat(monthly.occurrencesBetween(day("2028-01-01"), day("2028-12-31"))).containsExactly(
        day("2028-01-31"), day("2028-02-29"), day("2028-03-31"), day("2028-04-30"),
        day("2028-05-31"), day("2028-06-30"), day("2028-07-31"), day("2028-08-31"),
        day("2028-09-30"), day("2028-10-31"), day("2028-11-30"), day("2028-12-31"));
  }

  @Test
  @DisplayName("clamping does not drift: Jan 31, Feb 28, Mar 31")
  void noDrift() {
    Recurrence monthly = new Recurrence(MONTHLY, day("2027-01-31"), null, 3, null);
    assertThat(monthly.occurrencesBetween(day("2027-01-01"), day("2027-12-31")))
        .containsExactly(day("2027-01-31"), day("2027-02-28"), day("2027-03-31"));
  }

  @Test
  @DisplayName("the 29th and 30th fall back to February's last day in common and leap years")
  void twentyNinthAndThirtiethInFebruary() {
    assertThat(monthly(29, "2027-01-29", 3)).containsExactly(
        day("2027-01-29"), day("2027-02-28"), day("2027-03-29"));
    assertThat(monthly(29, "2028-01-29", 3)).containsExactly(
        day("2028-01-29"), day("2028-02-29"), day("2028-03-29"));
    assertThat(monthly(30, "2027-01-30", 3)).containsExactly(
        day("2027-01-30"), day("2027-02-28"), day("2027-03-30"));
    assertThat(monthly(30, "2028-01-30", 3)).containsExactly(
        day("2028-01-30"), day("2028-02-29"), day("2028-03-30"));
  }

  @Test
  @DisplayName("a monthly plan's first occurrence is the first rule date on or after the start")
  void monthlyFirstOccurrence() {
    assertThat(monthly(5, "2024-01-20", 2)).containsExactly(day("2024-02-05"), day("2024-03-05"));
    assertThat(monthly(30, "2023-02-10", 2)).containsExactly(day("2023-02-28"), day("2023-03-30"));
    assertThat(monthly(20, "2024-01-20", 1)).containsExactly(day("2024-01-20"));
    assertThat(monthly(31, "2024-12-31", 2)).containsExactly(day("2024-12-31"), day("2025-01-31"));
  }

  @Test
  @DisplayName("count stops a plan after that many occurrences, and nth agrees")
  void countBound() {
    Recurrence weekly = new Recurrence(WEEKLY, day("2025-01-06"), null, 3, null);
    assertThat(weekly.occurrencesBetween(day("2025-01-01"), day("2026-01-01"))).hasSize(3);
    assertThat(weekly.nth(3)).contains(day("2025-01-20"));
    assertThat(weekly.nth(4)).isEmpty();
    assertThat(weekly.lastDate()).isEqualTo(day("2025-01-20"));
    assertThatThrownBy(() -> weekly.nth(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an end date is inclusive and need not be an occurrence date")
  void endDateBound() {
    Recurrence onEnd = new Recurrence(WEEKLY, day("2025-01-06"), day("2025-01-27"), null, null);
    assertThat(onEnd.totalOccurrences()).isEqualTo(4);
    assertThat(onEnd.lastDate()).isEqualTo(day("2025-01-27"));
    Recurrence beforeEnd = new Recurrence(WEEKLY, day("2025-01-06"), day("2025-01-26"), null, null);
    assertThat(beforeEnd.occurrencesBetween(day("2025-01-01"), day("2026-01-01")))
        .containsExactly(day("2025-01-06"), day("2025-01-13"), day("2025-01-20"));
    Recurrence monthly = new Recurrence(MONTHLY, day("2025-01-31"), day("2025-04-29"), null, null);
    assertThat(monthly.occurrencesBetween(day("2025-01-01"), day("2026-01-01")))
        .containsExactly(day("2025-01-31"), day("2025-02-28"), day("2025-03-31"));
  }

  @Test
  @DisplayName("windows and next number occurrences from the plan's start, whatever the window")
  void windowsKeepNumbering() {
    Recurrence monthly = new Recurrence(MONTHLY, day("2025-01-31"), null, 24, null);
    assertThat(monthly.occurrencesBetween(day("2025-06-01"), day("2025-08-31")))
        .containsExactly(monthly.nth(6).orElseThrow(), monthly.nth(7).orElseThrow(),
            monthly.nth(8).orElseThrow())
        .containsExactly(day("2025-06-30"), day("2025-07-31"), day("2025-08-31"));
    assertThat(monthly.occurrencesBetween(day("2025-07-01"), day("2025-07-30"))).isEmpty();
    assertThat(monthly.next(day("2025-06-30"), 2))
        .containsExactly(day("2025-07-31"), day("2025-08-31"));
    assertThat(monthly.next(day("2026-11-30"), 5)).containsExactly(day("2026-12-31"));
    assertThat(monthly.next(day("2020-01-01"), 0)).isEmpty();
  }

  @Test
  @DisplayName("any window lists exactly the plan's occurrences that fall in it, in order")
  void windowsAreSlicesOfTheWholePlan() {
    qt().forAll(recurrences(), tableDates(), tableDates()).checkAssert((plan, a, b) -> {
      LocalDate from = a.isBefore(b) ? a : b;
      LocalDate to = a.isBefore(b) ? b : a;
      List<LocalDate> all = IntStream.rangeClosed(1, plan.totalOccurrences())
          .mapToObj(i -> plan.nth(i).orElseThrow()).toList();
      assertThat(plan.occurrencesBetween(from, to)).as(plan.toString())
          .isEqualTo(all.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).toList());
      assertThat(all).isSorted().doesNotHaveDuplicates().first()
          .matches(d -> !d.isBefore(plan.startDate()));
      if (plan.endDate() != null) {
        assertThat(all.get(all.size() - 1)).isBeforeOrEqualTo(plan.endDate());
      }
      assertThat(plan.next(from, 3)).isEqualTo(all.stream().filter(from::isBefore).limit(3)
          .toList());
    });
  }

  @Test
  @DisplayName("every monthly occurrence falls on min(day of month, length of month), month after month")
  void monthlyClampingProperty() {
    qt().forAll(monthlyRecurrences()).checkAssert(plan -> {
      List<LocalDate> dates = plan.occurrencesBetween(plan.startDate(), plan.lastDate());
      assertThat(dates).hasSize(plan.count());
      for (int i = 0; i < dates.size(); i++) {
        LocalDate date = dates.get(i);
        assertThat(date.getDayOfMonth()).as(date.toString())
            .isEqualTo(Math.min(plan.dayOfMonth(), date.lengthOfMonth()));
        if (i > 0) {
          assertThat(YearMonth.from(dates.get(i - 1)).plusMonths(1))
              .isEqualTo(YearMonth.from(date));
        }
      }
      long monthsAfterStart = ChronoUnit.MONTHS.between(
          YearMonth.from(plan.startDate()), YearMonth.from(dates.get(0)));
      assertThat(monthsAfterStart).isBetween(0L, 1L);
      assertThat(dates.get(0)).isAfterOrEqualTo(plan.startDate());
    });
  }

  private static List<LocalDate> monthly(int dayOfMonth, String start, int count) {
    Recurrence plan = new Recurrence(MONTHLY, day(start), null, count, dayOfMonth);
    return plan.occurrencesBetween(day(start), day(start).plusYears(100));
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }
}
