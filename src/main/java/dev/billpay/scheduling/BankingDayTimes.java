package dev.billpay.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Local times of day in one time zone, on banking days only: the arithmetic that clearing cut-offs
 * and same-day ACH windows share. A time that does not exist on a DST day moves forward with the
 * clock, and one that exists twice is its earlier instant (ZonedDateTime rules).
 */
public final class BankingDayTimes {
  /** How far to look back or ahead: longer than any run of non-banking days. */
  private static final int SEARCH_DAYS = 10;
  private final List<LocalTime> times;
  private final ZoneId zone;
  private final BankingCalendar calendar;

  public BankingDayTimes(List<LocalTime> times, ZoneId zone, BankingCalendar calendar) {
    if (times.isEmpty()) {
      throw new IllegalArgumentException("at least one time of day");
    }
    this.times = times.stream().sorted().distinct().toList();
    this.zone = zone;
    this.calendar = calendar;
  }

  /** The latest of the times at or before {@code now}, if any in the last days. */
  public Optional<Instant> latestAtOrBefore(Instant now) {
    LocalDate day = dayOf(now);
    for (int back = 0; back <= SEARCH_DAYS; back++, day = day.minusDays(1)) {
      if (!calendar.isBankingDay(day)) {
        continue;
      }
      for (int i = times.size() - 1; i >= 0; i--) {
        Instant at = at(day, i);
        if (!at.isAfter(now)) {
          return Optional.of(at);
        }
      }
    }
    return Optional.empty();
  }

  /** The position of the first time at or after {@code t} on its own day, if that is a banking day. */
  public Optional<Integer> firstOnItsDayAtOrAfter(Instant t) {
    LocalDate day = dayOf(t);
    if (calendar.isBankingDay(day)) {
      for (int i = 0; i < times.size(); i++) {
        if (!at(day, i).isBefore(t)) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  /** The instant of the {@code index}-th time (in time order) on the day. */
  public Instant at(LocalDate day, int index) {
    return ZonedDateTime.of(day, times.get(index), zone).toInstant();
  }

  public LocalTime time(int index) {
    return times.get(index);
  }

  public int size() {
    return times.size();
  }

  public ZoneId zone() {
    return zone;
  }

  public BankingCalendar calendar() {
    return calendar;
  }

  /** The local date of an instant in this zone. */
  public LocalDate dayOf(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }
}
