package dev.billpay.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static dev.billpay.scheduling.ScheduleGenerators.tableDates;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.billpay.scheduling.FederalReserveHolidays.Row;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Federal Reserve banking calendar")
class BankingCalendarTest {
  private static final BankingCalendar FED = BankingCalendar.federalReserve();

  @Test
  @DisplayName("the hand-written holiday table has the day of the week it claims on every row")
  void tableIsConsistent() {
    for (Row row : FederalReserveHolidays.ROWS) {
      assertThat(row.actualDayOfWeek()).as(row.toString()).isEqualTo(row.dayOfWeek());
    }
    assertThat(FederalReserveHolidays.ROWS).hasSize(16 * 11 - 2);
  }

  @Test
  @DisplayName("holidays(year) lists exactly the table's holidays for every year 2020-2035")
  void holidaysMatchTheTable() {
    for (int year = 2020; year <= 2035; year++) {
      int y = year;
      List<Holiday> expected = FederalReserveHolidays.ROWS.stream()
          .filter(row -> row.date().getYear() == y).map(Row::holiday).toList();
      assertThat(FED.holidays(year)).as("%d", year).containsExactlyElementsOf(expected);
    }
  }

  @Test
  @DisplayName("every weekday the table says the Fed is closed is not a banking day")
  void closedDatesAreNotBankingDays() {
    // 174 holidays, 13 of them on a Saturday
    assertThat(FederalReserveHolidays.CLOSED).hasSize(161);
    for (LocalDate closed : FederalReserveHolidays.CLOSED) {
      assertThat(FED.isBankingDay(closed)).as(closed.toString()).isFalse();
    }
  }

  @Test
  @DisplayName("every other weekday 2020-2035 is a banking day, and no weekend day is")
  void everyOtherWeekdayIsABankingDay() {
    Set<LocalDate> closed = new HashSet<>(FederalReserveHolidays.CLOSED);
    FederalReserveHolidays.FIRST.datesUntil(FederalReserveHolidays.LAST.plusDays(1)).forEach(day ->
        assertThat(FED.isBankingDay(day)).as(day + " " + day.getDayOfWeek())
            .isEqualTo(!isWeekend(day) && !closed.contains(day)));
  }

  @Test
  @DisplayName("a Saturday holiday leaves the Friday before open; a Sunday one closes the Monday after")
  void observedDateRules() {
    assertThat(FED.isBankingDay(LocalDate.of(2020, 7, 3))).as("July 4 2020 is a Saturday").isTrue();
    assertThat(FED.isBankingDay(LocalDate.of(2021, 12, 31))).as("Jan 1 2022 is a Saturday")
        .isTrue();
    assertThat(FED.isBankingDay(LocalDate.of(2026, 7, 3))).as("July 4 2026 is a Saturday").isTrue();
    assertThat(FED.isBankingDay(LocalDate.of(2027, 6, 18))).as("June 19 2027 is a Saturday")
        .isTrue();
    assertThat(FED.isBankingDay(LocalDate.of(2022, 6, 20))).as("June 19 2022 is a Sunday")
        .isFalse();
    assertThat(FED.isBankingDay(LocalDate.of(2022, 12, 26))).as("Dec 25 2022 is a Sunday")
        .isFalse();
    assertThat(FED.isBankingDay(LocalDate.of(2023, 1, 2))).as("Jan 1 2023 is a Sunday").isFalse();
    assertThat(FED.holidays(2026)).filteredOn(h -> h.name().equals("Independence Day"))
        .containsExactly(
            new Holiday("Independence Day", LocalDate.of(2026, 7, 4), Optional.empty()));
  }

  @Test
  @DisplayName("Juneteenth is a holiday from 2022 on, and Friday June 18 2021 was a banking day")
  void juneteenthFrom2022() {
    assertThat(FED.holidays(2021)).extracting(Holiday::name)
        .doesNotContain("Juneteenth National Independence Day");
    assertThat(FED.isBankingDay(LocalDate.of(2021, 6, 18))).isTrue();
    assertThat(FED.holidays(2022)).extracting(Holiday::name)
        .contains("Juneteenth National Independence Day");
    assertThat(FED.isBankingDay(LocalDate.of(2024, 6, 19))).isFalse();
  }

  @Test
  @DisplayName("onOrAfter keeps a banking day and skips weekends and holidays to the next one")
  void onOrAfter() {
    assertThat(FED.onOrAfter(day("2024-05-24"))).isEqualTo(day("2024-05-24"));
    assertThat(FED.onOrAfter(day("2024-05-25"))).as("Memorial Day weekend")
        .isEqualTo(day("2024-05-28"));
    assertThat(FED.onOrAfter(day("2022-12-24"))).as("Christmas on Sunday")
        .isEqualTo(day("2022-12-27"));
    assertThat(FED.onOrAfter(day("2022-12-31"))).as("New Year on Sunday")
        .isEqualTo(day("2023-01-03"));
    assertThat(FED.onOrAfter(day("2021-12-25"))).as("Sat holidays close nothing")
        .isEqualTo(day("2021-12-27"));
  }

  @Test
  @DisplayName("next and previous always move, across long weekends and year ends")
  void nextAndPrevious() {
    assertThat(FED.next(day("2024-05-24"))).isEqualTo(day("2024-05-28"));
    assertThat(FED.next(day("2024-05-28"))).isEqualTo(day("2024-05-29"));
    assertThat(FED.next(day("2021-12-30"))).isEqualTo(day("2021-12-31"));
    assertThat(FED.next(day("2021-12-31"))).isEqualTo(day("2022-01-03"));
    assertThat(FED.next(day("2022-12-23"))).isEqualTo(day("2022-12-27"));
    assertThat(FED.next(day("2024-12-31"))).isEqualTo(day("2025-01-02"));
    assertThat(FED.next(day("2024-11-27"))).as("Thanksgiving").isEqualTo(day("2024-11-29"));
    assertThat(FED.previous(day("2023-01-03"))).isEqualTo(day("2022-12-30"));
    assertThat(FED.previous(day("2024-05-28"))).isEqualTo(day("2024-05-24"));
    assertThat(FED.onOrBefore(day("2022-12-26"))).isEqualTo(day("2022-12-23"));
  }

  @Test
  @DisplayName("plusBankingDays counts banking days from the day a payment would be processed")
  void plusBankingDays() {
    assertThat(FED.plusBankingDays(day("2024-05-24"), 0)).isEqualTo(day("2024-05-24"));
    assertThat(FED.plusBankingDays(day("2024-05-24"), 1)).isEqualTo(day("2024-05-28"));
    assertThat(FED.plusBankingDays(day("2024-05-25"), 0)).isEqualTo(day("2024-05-28"));
    assertThat(FED.plusBankingDays(day("2024-05-25"), 1)).isEqualTo(day("2024-05-29"));
    assertThat(FED.plusBankingDays(day("2022-12-22"), 2)).isEqualTo(day("2022-12-27"));
    assertThat(FED.plusBankingDays(day("2022-12-29"), 3)).as("two holiday Mondays")
        .isEqualTo(day("2023-01-04"));
    assertThat(FED.plusBankingDays(day("2024-12-20"), 5)).isEqualTo(day("2024-12-30"));
    assertThat(FED.plusBankingDays(day("2023-01-03"), -1)).isEqualTo(day("2022-12-30"));
    assertThat(FED.plusBankingDays(day("2023-01-01"), -1)).isEqualTo(day("2022-12-29"));
    // 2024 has 251 banking days and January 2 is the first
    assertThat(FED.plusBankingDays(day("2024-01-02"), 250)).isEqualTo(day("2024-12-31"));
  }

  @Test
  @DisplayName("plusBankingDays(d, n) then back by n lands on the banking day d rolls to")
  void plusBankingDaysRoundTrip() {
    qt().forAll(tableDates(), integers().between(0, 300)).checkAssert((date, n) ->
        assertThat(FED.plusBankingDays(FED.plusBankingDays(date, n), -n))
            .isEqualTo(FED.onOrAfter(date)));
  }

  @Test
  @DisplayName("onOrAfter(d) is a banking day, not before d, with no banking day in between")
  void onOrAfterProperty() {
    qt().forAll(tableDates()).checkAssert(date -> {
      LocalDate result = FED.onOrAfter(date);
      assertThat(FED.isBankingDay(result)).isTrue();
      assertThat(result).isAfterOrEqualTo(date);
      assertThat(date.datesUntil(result).filter(FED::isBankingDay)).isEmpty();
      assertThat(FED.next(date)).isEqualTo(FED.onOrAfter(date.plusDays(1)));
    });
  }

  @Test
  @DisplayName("there are never more than four non-banking days in a row")
  void gapsAreShort() {
    qt().forAll(tableDates()).checkAssert(date ->
        assertThat(FED.onOrAfter(date)).isBefore(date.plusDays(4)));
  }

  @Test
  @DisplayName("concurrent first use of a year gives every thread the same answers")
  void threadSafe() {
    List<CompletableFuture<List<Holiday>>> futures = IntStream.range(0, 16)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> FED.holidays(2150 + i % 4))).toList();
    for (int i = 0; i < futures.size(); i++) {
      assertThat(futures.get(i).join()).isEqualTo(FED.holidays(2150 + i % 4)).hasSize(11);
    }
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }
}
