package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.scheduling.BankingDayTimes;
import dev.billpay.scheduling.SameDayWindows;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.Money;
import dev.billpay.shared.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Same-day ACH rules at creation: the per-entry limit and the day's last window")
class SameDayRulesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final SameDayWindows FED = new SameDayWindows(new BankingDayTimes(
      List.of(LocalTime.of(10, 30), LocalTime.of(14, 45), LocalTime.of(16, 45)), NEW_YORK,
      BankingCalendar.federalReserve()), List.of(LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(18, 0)));
  private static final long MILLION_DOLLARS = 100_000_000L;

  private static Instant ny(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
  }

  private static Money usd(long minor) {
    return new Money(minor, Currency.getInstance("USD"));
  }

  @Test
  @DisplayName("a same-day amount above $1,000,000 is 422 same-day-limit-exceeded; the same amount as standard passes this check")
  void limit() {
    SameDayRules rules = new SameDayRules(FED, MILLION_DOLLARS, false);
    assertThatCode(() -> rules.checkAmount(PaymentSpeed.SAME_DAY, usd(MILLION_DOLLARS))).doesNotThrowAnyException();
    assertThatThrownBy(() -> rules.checkAmount(PaymentSpeed.SAME_DAY, usd(MILLION_DOLLARS + 1)))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.type()).isEqualTo(ProblemType.SAME_DAY_LIMIT_EXCEEDED);
          assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("amount"));
        });
    assertThatCode(() -> rules.checkAmount(PaymentSpeed.STANDARD, usd(MILLION_DOLLARS + 1)))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("after the last window a payment due today goes to the next banking day's first window by default")
  void nextDay() {
    SameDayRules rules = new SameDayRules(FED, MILLION_DOLLARS, false);
    LocalDate wednesday = LocalDate.parse("2026-11-25");
    assertThat(rules.effectiveDate(wednesday, true, ny("2026-11-25T16:00:00"))).isEqualTo(wednesday);
    assertThat(rules.effectiveDate(wednesday, true, ny("2026-11-25T17:30:00")))
        .as("Thanksgiving is skipped").isEqualTo(LocalDate.parse("2026-11-27"));
  }

  @Test
  @DisplayName("configured to refuse, one due today after the last window is 422 same-day-window-missed; a future one is not")
  void refuse() {
    SameDayRules rules = new SameDayRules(FED, MILLION_DOLLARS, true);
    LocalDate wednesday = LocalDate.parse("2026-11-25");
    assertThat(rules.effectiveDate(wednesday, true, ny("2026-11-25T16:44:59"))).isEqualTo(wednesday);
    assertThatThrownBy(() -> rules.effectiveDate(wednesday, true, ny("2026-11-25T16:45:01")))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.SAME_DAY_WINDOW_MISSED));
    assertThatThrownBy(() -> rules.effectiveDate(LocalDate.parse("2026-11-28"), true, ny("2026-11-28T09:00:00")))
        .as("a Saturday has no window").isInstanceOf(DomainException.class);
    assertThat(rules.effectiveDate(LocalDate.parse("2026-11-28"), false, ny("2026-11-25T17:00:00")))
        .as("scheduled for a Saturday: Monday's first window").isEqualTo(LocalDate.parse("2026-11-30"));
  }
}
