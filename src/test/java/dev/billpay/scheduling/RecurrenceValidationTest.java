package dev.billpay.scheduling;

import static dev.billpay.scheduling.RecurrenceTest.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Plan recurrence validation")
class RecurrenceValidationTest {
  private static final LocalDate START = day("2025-01-06");

  @Test
  @DisplayName("valid input gives a recurrence, a monthly one defaulting to the start date's day")
  void validInput() {
    Recurrence.Parsed parsed = Recurrence.parse("monthly", day("2025-01-31"), null, 12, null);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.recurrence()).contains(
        new Recurrence(Frequency.MONTHLY, day("2025-01-31"), null, 12, 31));
    assertThat(Recurrence.parse("once", START, null, null, null).problems()).isEmpty();
    assertThat(Recurrence.parse("weekly", START, START, null, null).problems()).isEmpty();
    assertThat(Recurrence.parse("biweekly", START, null, 1000, null).problems()).isEmpty();
  }

  @Test
  @DisplayName("a missing or unknown frequency and a missing start date are reported")
  void requiredFields() {
    assertThat(Recurrence.parse(null, null, null, 3, null).problems()).containsExactly(
        new RecurrenceProblem(Recurrence.FREQUENCY_INVALID, "frequency", "is required"),
        new RecurrenceProblem(Recurrence.START_DATE_REQUIRED, "start_date", "is required"));
    assertThat(codes("Monthly", START, null, 3, null))
        .containsExactly(Recurrence.FREQUENCY_INVALID);
    assertThat(codes("daily", START, null, 3, null)).containsExactly(Recurrence.FREQUENCY_INVALID);
  }

  @Test
  @DisplayName("a recurring plan needs exactly one of end_date and count")
  void exactlyOneEnd() {
    assertThat(Recurrence.parse("weekly", START, null, null, null).problems()).containsExactly(
        new RecurrenceProblem(Recurrence.END_REQUIRED, "end_date",
            "or count is required for a weekly plan"));
    assertThat(codes("monthly", START, day("2025-12-31"), 12, null))
        .containsExactly(Recurrence.COUNT_CONFLICT);
  }

  @Test
  @DisplayName("a once plan refuses end_date, count and day_of_month instead of ignoring them")
  void onceTakesNoEnd() {
    assertThat(codes("once", START, START, 1, 6)).containsExactly(Recurrence.END_DATE_NOT_ALLOWED,
        Recurrence.COUNT_NOT_ALLOWED, Recurrence.DAY_OF_MONTH_NOT_ALLOWED);
  }

  @Test
  @DisplayName("count must be 1 to 1000")
  void countRange() {
    assertThat(codes("weekly", START, null, 0, null)).containsExactly(Recurrence.COUNT_RANGE);
    assertThat(codes("weekly", START, null, -1, null)).containsExactly(Recurrence.COUNT_RANGE);
    assertThat(codes("weekly", START, null, 1001, null)).containsExactly(Recurrence.COUNT_RANGE);
    assertThat(codes("weekly", START, null, 1, null)).isEmpty();
  }

  @Test
  @DisplayName("day_of_month is 1 to 31 and only for monthly plans")
  void dayOfMonth() {
    assertThat(codes("monthly", START, null, 3, 0)).containsExactly(Recurrence.DAY_OF_MONTH_RANGE);
    assertThat(codes("monthly", START, null, 3, 32)).containsExactly(Recurrence.DAY_OF_MONTH_RANGE);
    assertThat(codes("monthly", START, null, 3, 31)).isEmpty();
    assertThat(codes("weekly", START, null, 3, 15))
        .containsExactly(Recurrence.DAY_OF_MONTH_NOT_ALLOWED);
  }

  @Test
  @DisplayName("an end date before the start, or before the first occurrence, is refused")
  void endDateOrder() {
    assertThat(codes("weekly", START, START.minusDays(1), null, null))
        .containsExactly(Recurrence.END_DATE_BEFORE_START);
    assertThat(Recurrence.parse("monthly", day("2025-01-20"), day("2025-01-31"), null, 5)
        .problems()).containsExactly(new RecurrenceProblem(Recurrence.END_DATE_NO_OCCURRENCE,
            "end_date", "must not be before the first occurrence, 2025-02-05"));
    assertThat(codes("monthly", day("2025-01-20"), day("2025-02-05"), null, 5)).isEmpty();
  }

  @Test
  @DisplayName("an end date allowing more than 1000 occurrences is refused, like a count over 1000")
  void endDateTooFar() {
    LocalDate thousandth = START.plusWeeks(999);
    assertThat(codes("weekly", START, thousandth.plusDays(6), null, null)).isEmpty();
    assertThat(new Recurrence(Frequency.WEEKLY, START, thousandth.plusDays(6), null, null)
        .totalOccurrences()).isEqualTo(1000);
    assertThat(codes("weekly", START, thousandth.plusDays(7), null, null))
        .containsExactly(Recurrence.END_DATE_TOO_FAR);
    assertThat(codes("biweekly", START, LocalDate.MAX, null, null))
        .containsExactly(Recurrence.END_DATE_TOO_FAR);
    assertThat(codes("monthly", day("2025-01-31"), day("2108-04-30"), null, null)).isEmpty();
    assertThat(codes("monthly", day("2025-01-31"), day("2108-05-31"), null, null))
        .containsExactly(Recurrence.END_DATE_TOO_FAR);
  }

  @Test
  @DisplayName("independent problems are all reported at once")
  void everyProblem() {
    assertThat(codes("hourly", null, null, 0, 40))
        .containsExactly(Recurrence.FREQUENCY_INVALID, Recurrence.START_DATE_REQUIRED,
            Recurrence.COUNT_RANGE, Recurrence.DAY_OF_MONTH_RANGE);
    assertThat(codes("weekly", START, START.minusDays(1), 0, 3)).containsExactly(
        Recurrence.COUNT_CONFLICT, Recurrence.COUNT_RANGE, Recurrence.DAY_OF_MONTH_NOT_ALLOWED,
        Recurrence.END_DATE_BEFORE_START);
  }

  @Test
  @DisplayName("constructing an invalid recurrence directly throws with every problem")
  void constructorThrows() {
    assertThatThrownBy(() -> new Recurrence(Frequency.WEEKLY, START, null, null, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end_date or count is required for a weekly plan; "
            + "day_of_month is only allowed for a monthly plan");
    assertThatThrownBy(() -> new Recurrence(null, START, null, 1, null))
        .isInstanceOf(NullPointerException.class);
  }

  private static List<String> codes(String frequency, LocalDate start, LocalDate end,
      Integer count, Integer dayOfMonth) {
    return Recurrence.parse(frequency, start, end, count, dayOfMonth).problems().stream()
        .map(RecurrenceProblem::code).toList();
  }
}
