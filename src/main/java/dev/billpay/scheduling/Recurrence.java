package dev.billpay.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a payment plan pays: nominal dates, before banking days or time zones come in (see
 * {@link PlanSchedule}). Occurrences are numbered from 1 from the start date, so an occurrence
 * keeps its number whatever window it is looked up through.
 *
 * <ul>
 *   <li>{@code ONCE} pays on {@code startDate}; it takes no {@code endDate} or {@code count}.
 *   <li>{@code WEEKLY} and {@code BIWEEKLY} pay every 7 or 14 days from {@code startDate}.
 *   <li>{@code MONTHLY} pays on {@code dayOfMonth} (default: the start date's day), clamped to
 *       shorter months. The first occurrence is the first such date on or after
 *       {@code startDate}, so a plan starting on the 20th and paying on the 5th first pays the
 *       next month.
 *   <li>Every recurring plan ends by exactly one of {@code endDate} (inclusive) or {@code count},
 *       and has between 1 and {@value #MAX_OCCURRENCES} occurrences.
 * </ul>
 *
 * <p>Client input goes through {@link #parse}, which reports every problem; the constructor is
 * for trusted values (such as a stored plan) and throws on invalid ones.
 *
 * @param endDate the last day an occurrence may fall on, or null when {@code count} ends the plan
 * @param count the number of occurrences, or null
 * @param dayOfMonth 1-31 for a monthly plan (never null once constructed), null otherwise
 */
public record Recurrence(
    Frequency frequency,
    LocalDate startDate,
    LocalDate endDate,
    Integer count,
    Integer dayOfMonth) {
  public static final int MAX_OCCURRENCES = 1000;

  public static final String FREQUENCY = "frequency";
  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String COUNT = "count";
  public static final String DAY_OF_MONTH = "day_of_month";

  public static final String FREQUENCY_INVALID = "frequency.invalid";
  public static final String START_DATE_REQUIRED = "start_date.required";
  public static final String END_REQUIRED = "end_date.required";
  public static final String END_DATE_NOT_ALLOWED = "end_date.not_allowed";
  public static final String END_DATE_BEFORE_START = "end_date.before_start";
  public static final String END_DATE_NO_OCCURRENCE = "end_date.no_occurrence";
  public static final String END_DATE_TOO_FAR = "end_date.too_far";
  public static final String COUNT_NOT_ALLOWED = "count.not_allowed";
  public static final String COUNT_CONFLICT = "count.conflict";
  public static final String COUNT_RANGE = "count.range";
  public static final String DAY_OF_MONTH_NOT_ALLOWED = "day_of_month.not_allowed";
  public static final String DAY_OF_MONTH_RANGE = "day_of_month.range";

  /** Throws {@link IllegalArgumentException} naming every problem; client input goes to parse. */
  public Recurrence {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(startDate, "startDate");
    if (frequency == Frequency.MONTHLY && dayOfMonth == null) {
      dayOfMonth = startDate.getDayOfMonth();
    }
    List<RecurrenceProblem> problems =
        RecurrenceChecks.check(frequency, startDate, endDate, count, dayOfMonth);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.stream()
          .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    }
  }

  /** Either a recurrence or every problem with the input that would have made it, never both. */
  public record Parsed(Optional<Recurrence> recurrence, List<RecurrenceProblem> problems) {
    public Parsed {
      if (recurrence.isPresent() == !problems.isEmpty()) {
        throw new IllegalArgumentException("exactly one of recurrence and problems");
      }
      problems = List.copyOf(problems);
    }
  }

  /**
   * Validates a client's recurrence fields; {@code frequency} is the wire name and any argument
   * may be null (missing from the request).
   */
  public static Parsed parse(String frequency, LocalDate startDate, LocalDate endDate,
      Integer count, Integer dayOfMonth) {
    Optional<Frequency> parsed = Frequency.fromWire(frequency);
    List<RecurrenceProblem> problems = new ArrayList<>();
    if (parsed.isEmpty()) {
      problems.add(new RecurrenceProblem(FREQUENCY_INVALID, FREQUENCY,
          frequency == null ? "is required" : "must be once, weekly, biweekly or monthly"));
    }
    if (startDate == null) {
      problems.add(new RecurrenceProblem(START_DATE_REQUIRED, START_DATE, "is required"));
    }
    problems.addAll(
        RecurrenceChecks.check(parsed.orElse(null), startDate, endDate, count, dayOfMonth));
    if (!problems.isEmpty()) {
      return new Parsed(Optional.empty(), problems);
    }
    return new Parsed(Optional.of(
        new Recurrence(parsed.get(), startDate, endDate, count, dayOfMonth)), List.of());
  }

  /** How many times the plan pays in all. */
  public int totalOccurrences() {
    if (frequency == Frequency.ONCE) {
      return 1;
    }
    if (count != null) {
      return count;
    }
    // the constructor checked that this is between 1 and MAX_OCCURRENCES
    return (int) (cadence().firstSequenceOnOrAfter(endDate.plusDays(1)) - 1);
  }

  /** The date of the last occurrence (which may be before {@code endDate}). */
  public LocalDate lastDate() {
    return cadence().dateOf(totalOccurrences());
  }

  /** The nominal date of occurrence {@code sequence} (numbered from 1), if the plan has it. */
  public Optional<LocalDate> nth(int sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("occurrences are numbered from 1, not " + sequence);
    }
    return sequence > totalOccurrences() ? Optional.empty() : Optional.of(dateOf(sequence));
  }

  /** The nominal dates from {@code fromInclusive} to {@code toInclusive}, in order. */
  public List<LocalDate> occurrencesBetween(LocalDate fromInclusive, LocalDate toInclusive) {
    if (toInclusive.isBefore(fromInclusive)) {
      throw new IllegalArgumentException(toInclusive + " is before " + fromInclusive);
    }
    int last = totalOccurrences();
    List<LocalDate> dates = new ArrayList<>();
    for (int s = firstSequenceOnOrAfter(fromInclusive); s <= last; s++) {
      LocalDate date = dateOf(s);
      if (date.isAfter(toInclusive)) {
        break;
      }
      dates.add(date);
    }
    return List.copyOf(dates);
  }

  /** Up to {@code n} nominal dates strictly after {@code after}, in order. */
  public List<LocalDate> next(LocalDate after, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    int total = totalOccurrences();
    int first = firstSequenceOnOrAfter(after);
    if (first <= total && dateOf(first).equals(after)) {
      first++;
    }
    int last = (int) Math.min((long) first + n - 1, total);
    List<LocalDate> dates = new ArrayList<>();
    for (int s = first; s <= last; s++) {
      dates.add(dateOf(s));
    }
    return List.copyOf(dates);
  }

  /** The sequence of the first occurrence on or after {@code date}; past the last, last + 1. */
  int firstSequenceOnOrAfter(LocalDate date) {
    return (int) Math.min(cadence().firstSequenceOnOrAfter(date), totalOccurrences() + 1L);
  }

  /** The nominal date of {@code sequence}, which the caller has checked the plan has. */
  LocalDate dateOf(int sequence) {
    return cadence().dateOf(sequence);
  }

  private Cadence cadence() {
    return new Cadence(frequency, startDate,
        dayOfMonth == null ? startDate.getDayOfMonth() : dayOfMonth);
  }
}
