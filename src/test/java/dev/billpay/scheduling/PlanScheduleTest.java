package dev.billpay.scheduling;

import static dev.billpay.scheduling.RecurrenceTest.day;
import static dev.billpay.scheduling.ScheduleGenerators.recurrences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Plan schedules")
class PlanScheduleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  private static final ZoneId HAVANA = ZoneId.of("America/Havana");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  @Test
  @DisplayName("occurrences keep their nominal date and take the next banking day as effective date")
  void effectiveDates() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.MONTHLY, day("2022-12-24"), null, 4, null), NEW_YORK);
    assertThat(schedule.occurrencesUpTo(day("2023-12-31"))).containsExactly(
        new Occurrence(1, day("2022-12-24"), day("2022-12-27"), instant("2022-12-24T05:00:00Z")),
        new Occurrence(2, day("2023-01-24"), day("2023-01-24"), instant("2023-01-24T05:00:00Z")),
        new Occurrence(3, day("2023-02-24"), day("2023-02-24"), instant("2023-02-24T05:00:00Z")),
        new Occurrence(4, day("2023-03-24"), day("2023-03-24"), instant("2023-03-24T04:00:00Z")));
  }

  @Test
  @DisplayName("occurrencesUpTo stops at the horizon and at the plan's end, numbering from 1")
  void horizon() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.WEEKLY, day("2025-01-06"), day("2025-02-03"), null, null),
        NEW_YORK);
    assertThat(schedule.occurrencesUpTo(day("2025-01-05"))).isEmpty();
    assertThat(schedule.occurrencesUpTo(day("2025-01-20"))).extracting(Occurrence::sequence)
        .containsExactly(1, 2, 3);
    assertThat(schedule.occurrencesUpTo(day("2030-01-01"))).extracting(Occurrence::nominalDate)
        .containsExactly(day("2025-01-06"), day("2025-01-13"), day("2025-01-20"),
            day("2025-01-27"), day("2025-02-03"));
  }

  @Test
  @DisplayName("in New York, an occurrence is due at local midnight on spring-forward and fall-back days")
  void newYorkDst() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.WEEKLY, day("2025-03-02"), day("2025-11-09"), null, null),
        NEW_YORK);
    assertThat(dueAt(schedule, "2025-03-02")).isEqualTo(instant("2025-03-02T05:00:00Z"));
    assertThat(dueAt(schedule, "2025-03-09")).as("spring forward at 02:00")
        .isEqualTo(instant("2025-03-09T05:00:00Z"));
    assertThat(dueAt(schedule, "2025-03-16")).isEqualTo(instant("2025-03-16T04:00:00Z"));
    assertThat(dueAt(schedule, "2025-11-02")).as("fall back at 02:00")
        .isEqualTo(instant("2025-11-02T04:00:00Z"));
    assertThat(dueAt(schedule, "2025-11-09")).isEqualTo(instant("2025-11-09T05:00:00Z"));
  }

  @Test
  @DisplayName("where midnight falls in a DST gap, the occurrence is due at 01:00 that day, not the evening before")
  void midnightGap() {
    assertDueAtOneAm(SANTIAGO, "2022-09-11", "2022-09-11T04:00:00Z");
    assertDueAtOneAm(HAVANA, "2025-03-09", "2025-03-09T05:00:00Z");
  }

  private static void assertDueAtOneAm(ZoneId zone, String date, String expected) {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.ONCE, day(date), null, null, null), zone);
    Instant dueAt = dueAt(schedule, date);
    assertThat(dueAt).isEqualTo(instant(expected));
    assertThat(dueAt.atZone(zone).toLocalDate()).isEqualTo(day(date));
    assertThat(dueAt.atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(1, 0));
    assertThat(schedule.upcoming(dueAt.minusNanos(1), 1)).hasSize(1);
    assertThat(schedule.upcoming(dueAt, 1)).isEmpty();
  }

  @Test
  @DisplayName("east of UTC, a plan's today and due instants follow the local date, not the UTC one")
  void eastOfUtc() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.WEEKLY, day("2025-01-15"), null, 3, null), AUCKLAND);
    Instant utcStillThe14th = instant("2025-01-14T12:00:00Z");
    assertThat(schedule.today(Clock.fixed(utcStillThe14th, ZoneId.of("UTC"))))
        .isEqualTo(day("2025-01-15"));
    assertThat(dueAt(schedule, "2025-01-15")).isEqualTo(instant("2025-01-14T11:00:00Z"));
    assertThat(schedule.upcoming(instant("2025-01-14T10:59:59Z"), 5))
        .extracting(Occurrence::sequence)
        .containsExactly(1, 2, 3);
    assertThat(schedule.upcoming(utcStillThe14th, 5)).extracting(Occurrence::sequence)
        .containsExactly(2, 3);
  }

  @Test
  @DisplayName("west of UTC, today is still yesterday's UTC date in the evening")
  void westOfUtc() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.ONCE, day("2025-07-01"), null, null, null), LOS_ANGELES);
    Clock evening = Clock.fixed(instant("2025-07-01T06:30:00Z"), ZoneId.of("Asia/Tokyo"));
    assertThat(schedule.today(evening)).isEqualTo(day("2025-06-30"));
    assertThat(schedule.upcoming(evening.instant(), 1)).extracting(Occurrence::dueAt)
        .containsExactly(instant("2025-07-01T07:00:00Z"));
  }

  @Test
  @DisplayName("upcoming lists the next n occurrences not yet due, numbered as in the whole plan")
  void upcoming() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.MONTHLY, day("2025-01-31"), null, 6, null), NEW_YORK);
    Instant midFebruary = instant("2025-02-15T15:00:00Z");
    assertThat(schedule.upcoming(midFebruary, 2))
        .extracting(Occurrence::sequence, Occurrence::nominalDate)
        .containsExactly(tuple(2, day("2025-02-28")),
            tuple(3, day("2025-03-31")));
    assertThat(schedule.upcoming(midFebruary, 100)).hasSize(5);
    assertThat(schedule.upcoming(midFebruary, 0)).isEmpty();
    assertThat(schedule.upcoming(instant("2025-06-30T04:00:00Z"), 3)).as("the last one is due")
        .isEmpty();
    assertThatThrownBy(() -> schedule.upcoming(midFebruary, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an occurrence due on a Saturday is no longer upcoming on Sunday, though it is debited Monday")
  void dueButNotYetEffective() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.WEEKLY, day("2025-03-01"), null, 2, null), NEW_YORK);
    Occurrence first = schedule.occurrencesUpTo(day("2025-03-01")).get(0);
    assertThat(first.effectiveDate()).isEqualTo(day("2025-03-03"));
    assertThat(schedule.upcoming(instant("2025-03-02T15:00:00Z"), 5))
        .extracting(Occurrence::sequence).containsExactly(2);
  }

  @Test
  @DisplayName("at any instant every occurrence is either due or upcoming, and upcoming ones keep their numbers")
  void dueOrUpcoming() {
    List<ZoneId> zones = List.of(NEW_YORK, SANTIAGO, HAVANA, AUCKLAND, LOS_ANGELES,
        ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"));
    long from = instant("2019-06-01T00:00:00Z").getEpochSecond();
    long to = instant("2041-01-01T00:00:00Z").getEpochSecond();
    for (ZoneId zone : zones) {
      qt().withExamples(200).forAll(recurrences(), longs().between(from, to))
          .checkAssert((recurrence, seconds) -> {
            Instant now = Instant.ofEpochSecond(seconds);
            PlanSchedule schedule = PlanSchedule.of(recurrence, zone);
            List<Occurrence> all = schedule.occurrencesUpTo(recurrence.lastDate());
            assertThat(all).hasSize(recurrence.totalOccurrences());
            assertThat(schedule.upcoming(now, Integer.MAX_VALUE))
                .isEqualTo(all.stream().filter(o -> o.dueAt().isAfter(now)).toList());
            for (Occurrence occurrence : all) {
              assertThat(occurrence.effectiveDate())
                  .isEqualTo(BankingCalendar.federalReserve().onOrAfter(occurrence.nominalDate()));
              assertThat(occurrence.dueAt().atZone(zone).toLocalDate())
                  .isEqualTo(occurrence.nominalDate());
            }
          });
    }
  }

  @Test
  @DisplayName("today reads the injected clock in the plan's zone")
  void today() {
    PlanSchedule schedule = PlanSchedule.of(
        new Recurrence(Frequency.ONCE, day("2025-01-01"), null, null, null), NEW_YORK);
    assertThat(schedule.today(Clock.fixed(instant("2025-01-01T04:59:59Z"), ZoneId.of("UTC"))))
        .isEqualTo(day("2024-12-31"));
    assertThat(schedule.today(Clock.fixed(instant("2025-01-01T05:00:00Z"), ZoneId.of("UTC"))))
        .isEqualTo(day("2025-01-01"));
  }

  private static Instant dueAt(PlanSchedule schedule, String nominalDate) {
    return schedule.occurrencesUpTo(day(nominalDate)).stream()
        .filter(o -> o.nominalDate().equals(day(nominalDate))).findFirst().orElseThrow().dueAt();
  }

  private static Instant instant(String iso) {
    return Instant.parse(iso);
  }
}
