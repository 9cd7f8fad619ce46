package dev.billpay.clearing;

import dev.billpay.config.GatewayConfig.ClearingConfig;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.scheduling.BankingDayTimes;
import dev.billpay.scheduling.SameDayWindows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the clearing engine runs: the standard cut-offs (local times in the bank's time zone) and the
 * same-day ACH windows (in the ACH Operator's zone), banking days only. A run at any of them sends the
 * standard entries due by the next banking day; a run on a day with a same-day window still ahead
 * also sends the same-day entries due by that day, in batches of their own.
 */
public final class CutoffSchedule {
  private final BankingDayTimes standard;
  private final SameDayWindows sameDay;
  private final BankingCalendar calendar;

  public CutoffSchedule(BankingDayTimes standard, SameDayWindows sameDay) {
    this.standard = standard;
    this.sameDay = sameDay;
    this.calendar = standard.calendar();
  }

  /** The schedule a gateway is configured with. */
  public static CutoffSchedule of(ClearingConfig config, BankingCalendar calendar) {
    return new CutoffSchedule(new BankingDayTimes(config.cutoffTimes(), config.zone(), calendar),
        SameDayWindows.of(config.sameDay(), calendar));
  }

  /** The latest cut-off or same-day window at or before {@code now}, if any in the last days. */
  public Optional<Instant> latestAtOrBefore(Instant now) {
    Optional<Instant> cutoff = standard.latestAtOrBefore(now);
    Optional<Instant> window = sameDay.latestAtOrBefore(now);
    if (cutoff.isEmpty() || window.isEmpty()) {
      return cutoff.isPresent() ? cutoff : window;
    }
    return Optional.of(cutoff.get().isAfter(window.get()) ? cutoff.get() : window.get());
  }

  public ZoneId zone() {
    return standard.zone();
  }

  /** The banking day a cut-off belongs to, in the bank's zone. */
  public LocalDate dayOf(Instant cutoff) {
    return standard.dayOf(cutoff);
  }

  /**
   * The effective entry date of the standard entries sent at a cut-off: the next banking day after
   * the cut-off's day (files go to the bank the banking day before the debit settles).
   */
  public LocalDate effectiveDateFor(Instant cutoff) {
    return calendar.next(dayOf(cutoff));
  }

  /**
   * The same-day window a run at {@code cutoff} sends same-day entries in: the first on the cut-off's
   * own banking day at or after it. None after the day's last window (those entries wait for the next
   * banking day's first), and none for a run that starts on a later day than its cut-off (a gateway
   * that was down): a same-day batch is never dated before the day it is sent.
   */
  public Optional<SameDayWindows.Window> sameDayWindowFor(Instant cutoff, Instant now) {
    return sameDay.onItsDayAtOrAfter(cutoff)
        .filter(w -> w.day().equals(LocalDate.ofInstant(now, sameDay.zone())));
  }
}
