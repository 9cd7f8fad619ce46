package dev.billpay.scheduling;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.JUNE;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * US Federal Reserve banking days: every weekday that is not a Federal Reserve holiday, with the
 * holidays computed by rule and observed the way the Federal Reserve Banks observe them (see
 * {@link Holiday#closedOn()}). ACH effective dates must be banking days.
 *
 * <p>The rules are today's, plus Juneteenth only from 2022 (the Fed first closed for it then) and
 * Martin Luther King Jr. Day only from 1986; other history before 1986 is not modelled, nor are
 * one-off closures such as a national day of mourning.
 *
 * <p>Immutable and thread-safe; each year's holidays are computed once and cached.
 */
public final class BankingCalendar {
  private static final List<HolidayRule> RULES = List.of(
      HolidayRule.fixed("New Year's Day", JANUARY, 1),
      HolidayRule.nth("Martin Luther King Jr. Day", 3, MONDAY, JANUARY).since(1986),
      HolidayRule.nth("Washington's Birthday", 3, MONDAY, FEBRUARY),
      HolidayRule.last("Memorial Day", MONDAY, MAY),
      HolidayRule.fixed("Juneteenth National Independence Day", JUNE, 19).since(2022),
      HolidayRule.fixed("Independence Day", JULY, 4),
      HolidayRule.nth("Labor Day", 1, MONDAY, SEPTEMBER),
      HolidayRule.nth("Columbus Day", 2, MONDAY, OCTOBER),
      HolidayRule.fixed("Veterans Day", NOVEMBER, 11),
      HolidayRule.nth("Thanksgiving Day", 4, THURSDAY, NOVEMBER),
      HolidayRule.fixed("Christmas Day", DECEMBER, 25));

  /** Years held in the cache; others are recomputed, so odd input cannot grow it. */
  private static final int CACHE_FROM = 1900;
  private static final int CACHE_TO = 2200;

  private static final BankingCalendar FEDERAL_RESERVE = new BankingCalendar();

  private final Map<Integer, Year> years = new ConcurrentHashMap<>();

  private BankingCalendar() {}

  /** The shared US Federal Reserve calendar. */
  public static BankingCalendar federalReserve() {
    return FEDERAL_RESERVE;
  }

  /** Whether Federal Reserve Banks are open on {@code date}: a weekday that is not a closure. */
  public boolean isBankingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && !year(date.getYear()).closures().contains(date);
  }

  /** {@code date} itself if it is a banking day, otherwise the first banking day after it. */
  public LocalDate onOrAfter(LocalDate date) {
    LocalDate day = date;
    while (!isBankingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** {@code date} itself if it is a banking day, otherwise the last banking day before it. */
  public LocalDate onOrBefore(LocalDate date) {
    LocalDate day = date;
    while (!isBankingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** The first banking day strictly after {@code date}. */
  public LocalDate next(LocalDate date) {
    return onOrAfter(date.plusDays(1));
  }

  /** The last banking day strictly before {@code date}. */
  public LocalDate previous(LocalDate date) {
    return onOrBefore(date.minusDays(1));
  }

  /**
   * Moves {@code n} banking days from {@code date}. A date that is not a banking day first rolls to
   * the banking day it would be processed on (forward for {@code n >= 0}, backward for negative
   * {@code n}), so {@code plusBankingDays(saturday, 1)} is the Tuesday after a plain weekend: T+1
   * counted from the Monday the payment is actually processed, and {@code n = 0} is
   * {@link #onOrAfter}.
   */
  public LocalDate plusBankingDays(LocalDate date, int n) {
    if (n < 0) {
      LocalDate day = onOrBefore(date);
      for (int i = n; i < 0; i++) {
        day = previous(day);
      }
      return day;
    }
    LocalDate day = onOrAfter(date);
    for (int i = 0; i < n; i++) {
      day = next(day);
    }
    return day;
  }

  /** The Federal Reserve holidays falling in {@code year}, in date order. */
  public List<Holiday> holidays(int year) {
    return year(year).holidays();
  }

  private Year year(int year) {
    if (year < CACHE_FROM || year >= CACHE_TO) {
      return Year.compute(year);
    }
    return years.computeIfAbsent(year, Year::compute);
  }

  /**
   * One year's holidays and the weekdays they close. A Sunday holiday on December 31 would close
   * January 1 of the next year, but December 31 is never a holiday, so each year's closures fall
   * within that year.
   */
  private record Year(List<Holiday> holidays, Set<LocalDate> closures) {
    static Year compute(int year) {
      List<Holiday> holidays = RULES.stream().flatMap(rule -> rule.in(year).stream()).toList();
      Set<LocalDate> closures = holidays.stream().map(Holiday::closedOn).flatMap(Optional::stream)
          .collect(Collectors.toUnmodifiableSet());
      return new Year(holidays, closures);
    }
  }
}
