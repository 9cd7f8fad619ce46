package dev.billpay.clearing;

import dev.billpay.scheduling.BankingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The clearing cut-offs: local times in the bank's time zone, on banking days only. A cut-off at a
 * local time that does not exist on a DST day moves forward with the clock (ZonedDateTime rules).
 */
public final class CutoffSchedule {
  /** How far back to look for the latest cut-off: longer than any run of non-banking days. */
  private static final int LOOK_BACK_DAYS = 10;
  private final List<LocalTime> times;
  private final ZoneId zone;
  private final BankingCalendar calendar;

  public CutoffSchedule(List<LocalTime> times, ZoneId zone, BankingCalendar calendar) {
    this.times = times.stream().sorted().toList();
    this.zone = zone;
    this.calendar = calendar;
  }

  /** The latest cut-off at or before {@code now}, if any in the last days. */
  public Optional<Instant> latestAtOrBefore(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, zone);
    for (int back = 0; back <= LOOK_BACK_DAYS; back++, day = day.minusDays(1)) {
      if (!calendar.isBankingDay(day)) {
        continue;
      }
      for (int i = times.size() - 1; i >= 0; i--) {
        Instant cutoff = ZonedDateTime.of(day, times.get(i), zone).toInstant();
        if (!cutoff.isAfter(now)) {
          return Optional.of(cutoff);
        }
      }
    }
    return Optional.empty();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The banking day a cut-off belongs to, in the bank's zone. */
  public LocalDate dayOf(Instant cutoff) {
    return LocalDate.ofInstant(cutoff, zone);
  }

  /**
   * The effective entry date of the entries sent at a cut-off: the next banking day after the
   * cut-off's day (files go to the bank the banking day before the debit settles).
   */
  public LocalDate effectiveDateFor(Instant cutoff) {
    return calendar.next(dayOf(cutoff));
  }
}
