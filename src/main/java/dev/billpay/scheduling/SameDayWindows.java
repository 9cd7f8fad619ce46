package dev.billpay.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The same-day ACH submission windows: deadlines in the ACH Operator's zone (the Federal Reserve's
 * 10:30, 14:45 and 16:45 Eastern by default), on banking days only, each with the settlement time
 * that follows it. An entry whose effective entry date is the day it is sent, sent by a deadline,
 * settles that day; after the last deadline the next chance is the next banking day's first window.
 */
public final class SameDayWindows {
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
  private final BankingDayTimes deadlines;
  private final List<LocalTime> settlements;

  /**
   * @param settlements one per deadline, in deadline order: when the window's entries settle
   */
  public SameDayWindows(BankingDayTimes deadlines, List<LocalTime> settlements) {
    if (settlements.size() != deadlines.size()) {
      throw new IllegalArgumentException("one settlement time per same-day deadline");
    }
    this.deadlines = deadlines;
    this.settlements = List.copyOf(settlements);
  }

  /** The windows a gateway is configured with, on the calendar. */
  public static SameDayWindows of(dev.billpay.config.GatewayConfig.SameDayConfig config, BankingCalendar calendar) {
    return new SameDayWindows(new BankingDayTimes(config.windowTimes(), config.zone(), calendar),
        config.settlementTimeList());
  }

  /**
   * One window: its banking day (the effective entry date of what it carries), its deadline and when
   * it settles.
   */
  public record Window(LocalDate day, Instant deadline, LocalTime settlesAt) {
    /**
     * Nacha's optional same-day indicator for the Company Descriptive Date: "SD" and the desired
     * settlement time on a 24-hour clock, e.g. SD1300 for the first window.
     */
    public String descriptiveDate() {
      return "SD" + HHMM.format(settlesAt);
    }
  }

  /** The first window whose deadline is at or after {@code t}: today's if one remains, else a later day's first. */
  public Window nextAtOrAfter(Instant t) {
    Optional<Window> today = onItsDayAtOrAfter(t);
    if (today.isPresent()) {
      return today.get();
    }
    return window(deadlines.calendar().next(deadlines.dayOf(t)), 0);
  }

  /** The first window on {@code t}'s own banking day whose deadline is at or after {@code t}, if any. */
  public Optional<Window> onItsDayAtOrAfter(Instant t) {
    return deadlines.firstOnItsDayAtOrAfter(t).map(i -> window(deadlines.dayOf(t), i));
  }

  /** The first window of the banking day on or after {@code day}. */
  public Window firstOnOrAfter(LocalDate day) {
    return window(deadlines.calendar().onOrAfter(day), 0);
  }

  /**
   * The window a payment requested for {@code requested} and made at {@code now} goes in: the first
   * at or after both now and the start of its day. A window on a later day than requested means the
   * day's last window had passed (or the day is not a banking day).
   */
  public Window forPayment(LocalDate requested, Instant now) {
    Instant dayStarts = requested.atStartOfDay(deadlines.zone()).toInstant();
    return nextAtOrAfter(now.isAfter(dayStarts) ? now : dayStarts);
  }

  /** The latest deadline at or before {@code now}, if any in the last days. */
  public Optional<Instant> latestAtOrBefore(Instant now) {
    return deadlines.latestAtOrBefore(now);
  }

  public java.time.ZoneId zone() {
    return deadlines.zone();
  }

  private Window window(LocalDate day, int index) {
    return new Window(day, deadlines.at(day, index), settlements.get(index));
  }
}
