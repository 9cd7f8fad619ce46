package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.scheduling.BankingDayTimes;
import dev.billpay.scheduling.SameDayWindows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Clearing cut-offs in the bank's time zone, banking days only")
class CutoffScheduleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final List<LocalTime> FED = List.of(LocalTime.of(16, 45), LocalTime.of(10, 30), LocalTime.of(14, 45));
  private final CutoffSchedule cutoffs = new CutoffSchedule(
      new BankingDayTimes(FED, NEW_YORK, BankingCalendar.federalReserve()),
      new SameDayWindows(new BankingDayTimes(FED, NEW_YORK, BankingCalendar.federalReserve()),
          List.of(LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(18, 0))));

  private static Instant ny(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
  }

  @Test
  @DisplayName("the latest cut-off is today's last passed one, else the last one of the previous banking day")
  void latest() {
    assertThat(cutoffs.latestAtOrBefore(ny("2026-11-24T15:00:00"))).contains(ny("2026-11-24T14:45:00"));
    assertThat(cutoffs.latestAtOrBefore(ny("2026-11-24T14:45:00"))).contains(ny("2026-11-24T14:45:00"));
    assertThat(cutoffs.latestAtOrBefore(ny("2026-11-24T09:00:00"))).contains(ny("2026-11-23T16:45:00"));
  }

  @Test
  @DisplayName("weekends and Federal Reserve holidays have no cut-offs (Thanksgiving 2026 is Thursday Nov 26)")
  void holidays() {
    assertThat(cutoffs.latestAtOrBefore(ny("2026-11-26T12:00:00"))).contains(ny("2026-11-25T16:45:00"));
    assertThat(cutoffs.latestAtOrBefore(ny("2026-11-29T12:00:00"))).contains(ny("2026-11-27T16:45:00"));
    assertThat(cutoffs.effectiveDateFor(ny("2026-11-25T16:45:00"))).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(cutoffs.effectiveDateFor(ny("2026-11-27T10:30:00"))).isEqualTo(LocalDate.parse("2026-11-30"));
  }

  @Test
  @DisplayName("cut-offs keep their local time across the DST changes (UTC offset -4 in summer, -5 in winter)")
  void dst() {
    assertThat(cutoffs.latestAtOrBefore(Instant.parse("2026-03-09T14:31:00Z")))
        .contains(Instant.parse("2026-03-09T14:30:00Z"));
    assertThat(cutoffs.latestAtOrBefore(Instant.parse("2026-11-02T15:31:00Z")))
        .contains(Instant.parse("2026-11-02T15:30:00Z"));
  }

  @Test
  @DisplayName("a run sends same-day entries in the first window at or after its cut-off on the same day, none after the last or on a later day")
  void sameDayWindow() {
    var window = cutoffs.sameDayWindowFor(ny("2026-11-24T14:45:00"), ny("2026-11-24T14:45:10"));
    assertThat(window).isPresent();
    assertThat(window.get().day()).isEqualTo(LocalDate.parse("2026-11-24"));
    assertThat(window.get().descriptiveDate()).isEqualTo("SD1700");
    assertThat(cutoffs.sameDayWindowFor(ny("2026-11-24T12:00:00"), ny("2026-11-24T12:00:00")).orElseThrow()
        .deadline()).as("an operator's run between windows").isEqualTo(ny("2026-11-24T14:45:00"));
    assertThat(cutoffs.sameDayWindowFor(ny("2026-11-24T16:46:00"), ny("2026-11-24T16:46:00")))
        .as("after the last window").isEmpty();
    assertThat(cutoffs.sameDayWindowFor(ny("2026-11-24T16:45:00"), ny("2026-11-25T09:00:00")))
        .as("yesterday's window run today").isEmpty();
    assertThat(cutoffs.sameDayWindowFor(ny("2026-11-26T10:30:00"), ny("2026-11-26T10:30:00")))
        .as("Thanksgiving").isEmpty();
    // the standard entries of the same run are effective the next banking day, so the lanes never meet
    assertThat(cutoffs.effectiveDateFor(ny("2026-11-24T14:45:00"))).isEqualTo(LocalDate.parse("2026-11-25"));
  }
}
