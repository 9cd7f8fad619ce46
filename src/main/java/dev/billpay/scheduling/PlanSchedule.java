package dev.billpay.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plan's occurrences in real time: its {@link Recurrence} placed in the plan's time zone, with
 * effective dates from a {@link BankingCalendar}. Time always comes in from the caller.
 *
 * <p>An occurrence is due from the first instant of its nominal date in {@code zone}; on a day
 * whose midnight falls in a DST gap (America/Santiago on 2022-09-11) that is 01:00, never the
 * evening before. Every occurrence is, at any instant, either due or {@linkplain #upcoming
 * upcoming}, never both.
 */
public record PlanSchedule(Recurrence recurrence, ZoneId zone, BankingCalendar calendar) {
  public PlanSchedule {
    Objects.requireNonNull(recurrence, "recurrence");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
  }

  /** A schedule on the US Federal Reserve calendar, the one ACH runs on. */
  public static PlanSchedule of(Recurrence recurrence, ZoneId zone) {
    return new PlanSchedule(recurrence, zone, BankingCalendar.federalReserve());
  }

  /** Today's date in the plan's time zone. */
  public LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /**
   * Every occurrence from the first through the last nominal date on or before
   * {@code horizonInclusive}: what the scheduler materialises ahead of time. Listing from the
   * first each time keeps the call idempotent, and the (plan, nominal date) key absorbs repeats.
   */
  public List<Occurrence> occurrencesUpTo(LocalDate horizonInclusive) {
    List<Occurrence> occurrences = new ArrayList<>();
    int total = recurrence.totalOccurrences();
    for (int sequence = 1; sequence <= total; sequence++) {
      LocalDate nominal = recurrence.dateOf(sequence);
      if (nominal.isAfter(horizonInclusive)) {
        break;
      }
      occurrences.add(occurrence(sequence, nominal));
    }
    return List.copyOf(occurrences);
  }

  /**
   * The next {@code n} occurrences not yet due at {@code now} (due strictly after it), which is
   * what a plan shows as upcoming. One already due has become a pending payment and is shown as
   * that payment, even when its effective date is still ahead (due Saturday, debited Monday);
   * listing it here as well would show the same money twice.
   */
  public List<Occurrence> upcoming(Instant now, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    List<Occurrence> upcoming = new ArrayList<>(Math.min(n, 16));
    int total = recurrence.totalOccurrences();
    // a day early, in case an offset change puts the start of a local date after a later instant
    LocalDate localToday = LocalDate.ofInstant(now, zone).minusDays(1);
    for (int sequence = recurrence.firstSequenceOnOrAfter(localToday);
        sequence <= total && upcoming.size() < n; sequence++) {
      Occurrence occurrence = occurrence(sequence, recurrence.dateOf(sequence));
      if (occurrence.dueAt().isAfter(now)) {
        upcoming.add(occurrence);
      }
    }
    return List.copyOf(upcoming);
  }

  private Occurrence occurrence(int sequence, LocalDate nominal) {
    // atStartOfDay(zone) is the first instant the date exists, whatever the zone does at midnight
    return new Occurrence(sequence, nominal, calendar.onOrAfter(nominal),
        nominal.atStartOfDay(zone).toInstant());
  }
}
