package dev.billpay.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One payment of a plan.
 *
 * @param sequence its number in the plan, from 1, the same however the plan is queried
 * @param nominalDate the date the recurrence puts it on; with the plan id, it identifies the
 *     occurrence (the scheduler's unique key), so it never moves with the calendar
 * @param effectiveDate the ACH effective date: the nominal date or, when that is not a banking
 *     day, the next banking day
 * @param dueAt the start of the nominal date in the plan's time zone, when the scheduled payment
 *     becomes pending
 */
public record Occurrence(
    int sequence, LocalDate nominalDate, LocalDate effectiveDate, Instant dueAt) {
  public Occurrence {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, not " + sequence);
    }
    Objects.requireNonNull(nominalDate, "nominalDate");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(dueAt, "dueAt");
    if (effectiveDate.isBefore(nominalDate)) {
      throw new IllegalArgumentException("effective date " + effectiveDate
          + " is before nominal date " + nominalDate);
    }
  }
}
