package dev.billpay.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Same-day ACH windows: the Fed's Eastern deadlines on banking days, across DST changes and holidays")
class SameDayWindowsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final SameDayWindows windows = new SameDayWindows(new BankingDayTimes(
      List.of(LocalTime.of(14, 45), LocalTime.of(10, 30), LocalTime.of(16, 45)), NEW_YORK,
      BankingCalendar.federalReserve()), List.of(LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(18, 0)));

  private static Instant ny(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  @DisplayName("the next window is today's first deadline not yet passed, a deadline itself included, with its settlement indicator")
  void sameDay() {
    SameDayWindows.Window first = windows.nextAtOrAfter(ny("2026-11-24T08:00:00"));
    assertThat(first.day()).isEqualTo(d("2026-11-24"));
    assertThat(first.deadline()).isEqualTo(ny("2026-11-24T10:30:00"));
    assertThat(first.descriptiveDate()).isEqualTo("SD1300");
    assertThat(windows.nextAtOrAfter(ny("2026-11-24T10:30:00")).deadline()).isEqualTo(ny("2026-11-24T10:30:00"));
    assertThat(windows.nextAtOrAfter(ny("2026-11-24T10:30:01")).descriptiveDate()).isEqualTo("SD1700");
    SameDayWindows.Window last = windows.nextAtOrAfter(ny("2026-11-24T16:45:00"));
    assertThat(last.deadline()).isEqualTo(ny("2026-11-24T16:45:00"));
    assertThat(last.descriptiveDate()).isEqualTo("SD1800");
  }

  @Test
  @DisplayName("after the last deadline the next window is the next banking day's first")
  void afterTheLast() {
    SameDayWindows.Window next = windows.nextAtOrAfter(ny("2026-11-24T16:45:01"));
    assertThat(next.day()).isEqualTo(d("2026-11-25"));
    assertThat(next.deadline()).isEqualTo(ny("2026-11-25T10:30:00"));
    assertThat(windows.onItsDayAtOrAfter(ny("2026-11-24T16:45:01"))).isEmpty();
  }

  @Test
  @DisplayName("weekends and Fed holidays have no windows: Thanksgiving Thursday, Christmas Friday, observed Independence Day")
  void holidays() {
    // Wednesday before Thanksgiving (Thursday 2026-11-26), after the last window: Friday's first
    assertThat(windows.nextAtOrAfter(ny("2026-11-25T17:00:00")).deadline()).isEqualTo(ny("2026-11-27T10:30:00"));
    assertThat(windows.onItsDayAtOrAfter(ny("2026-11-26T09:00:00"))).isEmpty();
    // Thursday 2026-12-24 late: Christmas is Friday, so Monday the 28th
    assertThat(windows.nextAtOrAfter(ny("2026-12-24T18:00:00")).deadline()).isEqualTo(ny("2026-12-28T10:30:00"));
    // July 4 2027 is a Sunday, observed Monday July 5: Friday evening goes to Tuesday July 6
    assertThat(windows.nextAtOrAfter(ny("2027-07-02T20:00:00")).day()).isEqualTo(d("2027-07-06"));
    // July 4 2026 is a Saturday: the Fed stays open the Friday before, so Thursday evening goes to Friday
    assertThat(windows.nextAtOrAfter(ny("2026-07-02T20:00:00")).day()).isEqualTo(d("2026-07-03"));
    // a Saturday
    assertThat(windows.nextAtOrAfter(ny("2026-11-28T09:00:00")).day()).isEqualTo(d("2026-11-30"));
    assertThat(windows.latestAtOrBefore(ny("2026-11-26T12:00:00"))).contains(ny("2026-11-25T16:45:00"));
  }

  @Test
  @DisplayName("deadlines keep their Eastern time across DST: 15:30Z before the March change, 14:30Z after, and back in November")
  void dst() {
    // spring forward Sunday 2026-03-08: Friday's last window is 21:45Z, Monday's first 14:30Z
    assertThat(windows.nextAtOrAfter(Instant.parse("2026-03-06T15:00:00Z")).deadline())
        .isEqualTo(Instant.parse("2026-03-06T15:30:00Z"));
    assertThat(windows.nextAtOrAfter(Instant.parse("2026-03-06T21:46:00Z")).deadline())
        .isEqualTo(Instant.parse("2026-03-09T14:30:00Z"));
    assertThat(windows.nextAtOrAfter(Instant.parse("2026-03-09T14:45:00Z")).deadline())
        .as("second window, 14:45 EDT").isEqualTo(Instant.parse("2026-03-09T18:45:00Z"));
    // fall back Sunday 2026-11-01: Friday's last window is 20:45Z, Monday's first 15:30Z
    assertThat(windows.nextAtOrAfter(Instant.parse("2026-10-30T20:44:00Z")).deadline())
        .isEqualTo(Instant.parse("2026-10-30T20:45:00Z"));
    assertThat(windows.nextAtOrAfter(Instant.parse("2026-10-30T20:46:00Z")).deadline())
        .isEqualTo(Instant.parse("2026-11-02T15:30:00Z"));
    assertThat(windows.latestAtOrBefore(Instant.parse("2026-11-02T15:29:00Z")))
        .contains(Instant.parse("2026-10-30T20:45:00Z"));
  }

  @Test
  @DisplayName("a payment's window: today's next one, the first on its day for a later date, a later day when today's are gone")
  void forPayment() {
    assertThat(windows.forPayment(d("2026-11-24"), ny("2026-11-24T11:00:00")).deadline())
        .isEqualTo(ny("2026-11-24T14:45:00"));
    assertThat(windows.forPayment(d("2026-11-30"), ny("2026-11-24T11:00:00")).deadline())
        .as("a future date: its first window").isEqualTo(ny("2026-11-30T10:30:00"));
    assertThat(windows.forPayment(d("2026-11-28"), ny("2026-11-24T11:00:00")).day())
        .as("a future Saturday: Monday").isEqualTo(d("2026-11-30"));
    assertThat(windows.forPayment(d("2026-11-24"), ny("2026-11-24T17:00:00")).day())
        .as("too late today").isEqualTo(d("2026-11-25"));
    // 01:00Z on the 25th is still the evening of the 24th in New York: a payment for the 25th (a UTC date)
    // goes in the 25th's first window, never in one of the 24th
    assertThat(windows.forPayment(d("2026-11-25"), Instant.parse("2026-11-25T01:00:00Z")).deadline())
        .isEqualTo(ny("2026-11-25T10:30:00"));
  }

  @Test
  @DisplayName("a deadline in a DST gap moves forward with the clock, one in the repeated hour is its first instant")
  void dstGapAndOverlap() {
    // 02:30 does not exist on 2026-03-08 and 01:30 exists twice on 2026-11-01; both are Sundays, so the
    // arithmetic is checked on the times alone
    BankingDayTimes times = new BankingDayTimes(List.of(LocalTime.of(2, 30), LocalTime.of(1, 30)), NEW_YORK,
        BankingCalendar.federalReserve());
    assertThat(times.at(d("2026-03-08"), 1)).as("02:30 is 03:30 EDT").isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    assertThat(times.at(d("2026-11-01"), 0)).as("01:30 EDT").isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
  }
}
