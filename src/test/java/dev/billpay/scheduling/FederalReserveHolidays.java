package dev.billpay.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every US Federal Reserve holiday 2020-2035, written out by hand from the Federal Reserve's
 * published holiday schedules and their stated rule (Saturday holidays: Banks open the Friday
 * before; Sunday holidays: closed the Monday after), not computed, so the calendar is checked
 * against an independent source. Juneteenth appears from 2022, the first year the Fed closed for
 * it. Columns: date, its day of the week (a check on typos), the date the Fed is closed ({@code -}
 * when it stays open), name.
 */
final class FederalReserveHolidays {
  static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
  static final LocalDate LAST = LocalDate.of(2035, 12, 31);

  private static final String TABLE = """
      2020-01-01 Wed 2020-01-01 New Year's Day
      2020-01-20 Mon 2020-01-20 Martin Luther King Jr. Day
      2020-02-17 Mon 2020-02-17 Washington's Birthday
      2020-05-25 Mon 2020-05-25 Memorial Day
      2020-07-04 Sat -          Independence Day
      2020-09-07 Mon 2020-09-07 Labor Day
      2020-10-12 Mon 2020-10-12 Columbus Day
      2020-11-11 Wed 2020-11-11 Veterans Day
      2020-11-26 Thu 2020-11-26 Thanksgiving Day
      2020-12-25 Fri 2020-12-25 Christmas Day
      2021-01-01 Fri 2021-01-01 New Year's Day
      2021-01-18 Mon 2021-01-18 Martin Luther King Jr. Day
      2021-02-15 Mon 2021-02-15 Washington's Birthday
      2021-05-31 Mon 2021-05-31 Memorial Day
      2021-07-04 Sun 2021-07-05 Independence Day
      2021-09-06 Mon 2021-09-06 Labor Day
      2021-10-11 Mon 2021-10-11 Columbus Day
      2021-11-11 Thu 2021-11-11 Veterans Day
      2021-11-25 Thu 2021-11-25 Thanksgiving Day
      2021-12-25 Sat -          Christmas Day
      2022-01-01 Sat -          New Year's Day
      2022-01-17 Mon 2022-01-17 Martin Luther King Jr. Day
      2022-02-21 Mon 2022-02-21 Washington's Birthday
      2022-05-30 Mon 2022-05-30 Memorial Day
      2022-06-19 Sun 2022-06-20 Juneteenth National Independence Day
      2022-07-04 Mon 2022-07-04 Independence Day
      2022-09-05 Mon 2022-09-05 Labor Day
      2022-10-10 Mon 2022-10-10 Columbus Day
      2022-11-11 Fri 2022-11-11 Veterans Day
      2022-11-24 Thu 2022-11-24 Thanksgiving Day
      2022-12-25 Sun 2022-12-26 Christmas Day
      2023-01-01 Sun 2023-01-02 New Year's Day
      2023-01-16 Mon 2023-01-16 Martin Luther King Jr. Day
      2023-02-20 Mon 2023-02-20 Washington's Birthday
      2023-05-29 Mon 2023-05-29 Memorial Day
      2023-06-19 Mon 2023-06-19 Juneteenth National Independence Day
      2023-07-04 Tue 2023-07-04 Independence Day
      2023-09-04 Mon 2023-09-04 Labor Day
      2023-10-09 Mon 2023-10-09 Columbus Day
      2023-11-11 Sat -          Veterans Day
      2023-11-23 Thu 2023-11-23 Thanksgiving Day
      2023-12-25 Mon 2023-12-25 Christmas Day
      2024-01-01 Mon 2024-01-01 New Year's Day
      2024-01-15 Mon 2024-01-15 Martin Luther King Jr. Day
      2024-02-19 Mon 2024-02-19 Washington's Birthday
      2024-05-27 Mon 2024-05-27 Memorial Day
      2024-06-19 Wed 2024-06-19 Juneteenth National Independence Day
      2024-07-04 Thu 2024-07-04 Independence Day
      2024-09-02 Mon 2024-09-02 Labor Day
      2024-10-14 Mon 2024-10-14 Columbus Day
      2024-11-11 Mon 2024-11-11 Veterans Day
      2024-11-28 Thu 2024-11-28 Thanksgiving Day
      2024-12-25 Wed 2024-12-25 Christmas Day
      2025-01-01 Wed 2025-01-01 New Year's Day
      2025-01-20 Mon 2025-01-20 Martin Luther King Jr. Day
      2025-02-17 Mon 2025-02-17 Washington's Birthday
      2025-05-26 Mon 2025-05-26 Memorial Day
      2025-06-19 Thu 2025-06-19 Juneteenth National Independence Day
      2025-07-04 Fri 2025-07-04 Independence Day
      2025-09-01 Mon 2025-09-01 Labor Day
      2025-10-13 Mon 2025-10-13 Columbus Day
      2025-11-11 Tue 2025-11-11 Veterans Day
      2025-11-27 Thu 2025-11-27 Thanksgiving Day
      2025-12-25 Thu 2025-12-25 Christmas Day
      2026-01-01 Thu 2026-01-01 New Year's Day
      2026-01-19 Mon 2026-01-19 Martin Luther King Jr. Day
      2026-02-16 Mon 2026-02-16 Washington's Birthday
      2026-05-25 Mon 2026-05-25 Memorial Day
      2026-06-19 Fri 2026-06-19 Juneteenth National Independence Day
      2026-07-04 Sat -          Independence Day
      2026-09-07 Mon 2026-09-07 Labor Day
      2026-10-12 Mon 2026-10-12 Columbus Day
      2026-11-11 Wed 2026-11-11 Veterans Day
      2026-11-26 Thu 2026-11-26 Thanksgiving Day
      2026-12-25 Fri 2026-12-25 Christmas Day
      2027-01-01 Fri 2027-01-01 New Year's Day
      2027-01-18 Mon 2027-01-18 Martin Luther King Jr. Day
      2027-02-15 Mon 2027-02-15 Washington's Birthday
      2027-05-31 Mon 2027-05-31 Memorial Day
      2027-06-19 Sat -          Juneteenth National Independence Day
      2027-07-04 Sun 2027-07-05 Independence Day
      2027-09-06 Mon 2027-09-06 Labor Day
      2027-10-11 Mon 2027-10-11 Columbus Day
      2027-11-11 Thu 2027-11-11 Veterans Day
      2027-11-25 Thu 2027-11-25 Thanksgiving Day
      2027-12-25 Sat -          Christmas Day
      2028-01-01 Sat -          New Year's Day
      2028-01-17 Mon 2028-01-17 Martin Luther King Jr. Day
      2028-02-21 Mon 2028-02-21 Washington's Birthday
      2028-05-29 Mon 2028-05-29 Memorial Day
      2028-06-19 Mon 2028-06-19 Juneteenth National Independence Day
      2028-07-04 Tue 2028-07-04 Independence Day
      2028-09-04 Mon 2028-09-04 Labor Day
      2028-10-09 Mon 2028-10-09 Columbus Day
      2028-11-11 Sat -          Veterans Day
      2028-11-23 Thu 2028-11-23 Thanksgiving Day
      2028-12-25 Mon 2028-12-25 Christmas Day
      2029-01-01 Mon 2029-01-01 New Year's Day
      2029-01-15 Mon 2029-01-15 Martin Luther King Jr. Day
      2029-02-19 Mon 2029-02-19 Washington's Birthday
      2029-05-28 Mon 2029-05-28 Memorial Day
      2029-06-19 Tue 2029-06-19 Juneteenth National Independence Day
      2029-07-04 Wed 2029-07-04 Independence Day
      2029-09-03 Mon 2029-09-03 Labor Day
      2029-10-08 Mon 2029-10-08 Columbus Day
      2029-11-11 Sun 2029-11-12 Veterans Day
      2029-11-22 Thu 2029-11-22 Thanksgiving Day
      2029-12-25 Tue 2029-12-25 Christmas Day
      2030-01-01 Tue 2030-01-01 New Year's Day
      2030-01-21 Mon 2030-01-21 Martin Luther King Jr. Day
      2030-02-18 Mon 2030-02-18 Washington's Birthday
      2030-05-27 Mon 2030-05-27 Memorial Day
      2030-06-19 Wed 2030-06-19 Juneteenth National Independence Day
      2030-07-04 Thu 2030-07-04 Independence Day
      2030-09-02 Mon 2030-09-02 Labor Day
      2030-10-14 Mon 2030-10-14 Columbus Day
      2030-11-11 Mon 2030-11-11 Veterans Day
      2030-11-28 Thu 2030-11-28 Thanksgiving Day
      2030-12-25 Wed 2030-12-25 Christmas Day
      2031-01-01 Wed 2031-01-01 New Year's Day
      2031-01-20 Mon 2031-01-20 Martin Luther King Jr. Day
      2031-02-17 Mon 2031-02-17 Washington's Birthday
      2031-05-26 Mon 2031-05-26 Memorial Day
      2031-06-19 Thu 2031-06-19 Juneteenth National Independence Day
      2031-07-04 Fri 2031-07-04 Independence Day
      2031-09-01 Mon 2031-09-01 Labor Day
      2031-10-13 Mon 2031-10-13 Columbus Day
      2031-11-11 Tue 2031-11-11 Veterans Day
      2031-11-27 Thu 2031-11-27 Thanksgiving Day
      2031-12-25 Thu 2031-12-25 Christmas Day
      2032-01-01 Thu 2032-01-01 New Year's Day
      2032-01-19 Mon 2032-01-19 Martin Luther King Jr. Day
      2032-02-16 Mon 2032-02-16 Washington's Birthday
      2032-05-31 Mon 2032-05-31 Memorial Day
      2032-06-19 Sat -          Juneteenth National Independence Day
      2032-07-04 Sun 2032-07-05 Independence Day
      2032-09-06 Mon 2032-09-06 Labor Day
      2032-10-11 Mon 2032-10-11 Columbus Day
      2032-11-11 Thu 2032-11-11 Veterans Day
      2032-11-25 Thu 2032-11-25 Thanksgiving Day
      2032-12-25 Sat -          Christmas Day
      2033-01-01 Sat -          New Year's Day
      2033-01-17 Mon 2033-01-17 Martin Luther King Jr. Day
      2033-02-21 Mon 2033-02-21 Washington's Birthday
      2033-05-30 Mon 2033-05-30 Memorial Day
      2033-06-19 Sun 2033-06-20 Juneteenth National Independence Day
      2033-07-04 Mon 2033-07-04 Independence Day
      2033-09-05 Mon 2033-09-05 Labor Day
      2033-10-10 Mon 2033-10-10 Columbus Day
      2033-11-11 Fri 2033-11-11 Veterans Day
      2033-11-24 Thu 2033-11-24 Thanksgiving Day
      2033-12-25 Sun 2033-12-26 Christmas Day
      2034-01-01 Sun 2034-01-02 New Year's Day
      2034-01-16 Mon 2034-01-16 Martin Luther King Jr. Day
      2034-02-20 Mon 2034-02-20 Washington's Birthday
      2034-05-29 Mon 2034-05-29 Memorial Day
      2034-06-19 Mon 2034-06-19 Juneteenth National Independence Day
      2034-07-04 Tue 2034-07-04 Independence Day
      2034-09-04 Mon 2034-09-04 Labor Day
      2034-10-09 Mon 2034-10-09 Columbus Day
      2034-11-11 Sat -          Veterans Day
      2034-11-23 Thu 2034-11-23 Thanksgiving Day
      2034-12-25 Mon 2034-12-25 Christmas Day
      2035-01-01 Mon 2035-01-01 New Year's Day
      2035-01-15 Mon 2035-01-15 Martin Luther King Jr. Day
      2035-02-19 Mon 2035-02-19 Washington's Birthday
      2035-05-28 Mon 2035-05-28 Memorial Day
      2035-06-19 Tue 2035-06-19 Juneteenth National Independence Day
      2035-07-04 Wed 2035-07-04 Independence Day
      2035-09-03 Mon 2035-09-03 Labor Day
      2035-10-08 Mon 2035-10-08 Columbus Day
      2035-11-11 Sun 2035-11-12 Veterans Day
      2035-11-22 Thu 2035-11-22 Thanksgiving Day
      2035-12-25 Tue 2035-12-25 Christmas Day
      """;

  /** One row of the table. */
  record Row(LocalDate date, String dayOfWeek, Optional<LocalDate> closedOn, String name) {
    Holiday holiday() {
      return new Holiday(name, date, closedOn);
    }

    String actualDayOfWeek() {
      return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
    }

    boolean fallsOnWeekend() {
      return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
  }

  static final List<Row> ROWS = TABLE.lines().map(FederalReserveHolidays::parse).toList();

  /** The weekdays on which the Fed is closed. */
  static final List<LocalDate> CLOSED =
      ROWS.stream().map(Row::closedOn).flatMap(Optional::stream).toList();

  private FederalReserveHolidays() {}

  private static Row parse(String line) {
    String[] columns = line.strip().split("\\s+", 4);
    Optional<LocalDate> closedOn =
        columns[2].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(columns[2]));
    return new Row(LocalDate.parse(columns[0]), columns[1], closedOn, columns[3]);
  }
}
