package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.scheduling.BankingCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reinitiation limits")
class ReinitiationTest {
  private static final BankingCalendar CALENDAR = BankingCalendar.federalReserve();
  /** A Wednesday with no holiday near it. */
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

  @Test
  @DisplayName("R01 and R09 get the next attempt two banking days on; attempt 3 is the last")
  void r01AndR09TwiceOnly() {
    assertThat(Reinitiation.plan("R01", 1, TODAY.minusDays(3), TODAY, 2, CALENDAR))
        .contains(new Reinitiation.Plan(2, LocalDate.of(2026, 3, 13)));
    assertThat(Reinitiation.plan("R09", 2, TODAY.minusDays(10), TODAY, 2, CALENDAR))
        .contains(new Reinitiation.Plan(3, LocalDate.of(2026, 3, 13)));
    assertThat(Reinitiation.plan("R01", 3, TODAY.minusDays(10), TODAY, 2, CALENDAR)).isEmpty();
  }

  @Test
  @DisplayName("the delay counts banking days: a Friday return is re-presented on Tuesday")
  void bankingDays() {
    LocalDate friday = LocalDate.of(2026, 3, 13);
    assertThat(Reinitiation.plan("R01", 1, friday.minusDays(2), friday, 2, CALENDAR).orElseThrow().effectiveDate())
        .isEqualTo(LocalDate.of(2026, 3, 17));
  }

  @Test
  @DisplayName("no other return code is re-presented")
  void otherCodes() {
    for (String code : new String[] {"R02", "R03", "R04", "R05", "R07", "R08", "R10", "R16", "R29", "R51"}) {
      assertThat(Reinitiation.plan(code, 1, TODAY.minusDays(3), TODAY, 2, CALENDAR)).as(code).isEmpty();
    }
  }

  @Test
  @DisplayName("a re-presentment must settle within 180 days of the original's settlement date")
  void window() {
    LocalDate retryDate = LocalDate.of(2026, 3, 13);
    assertThat(Reinitiation.plan("R01", 1, retryDate.minusDays(180), TODAY, 2, CALENDAR)).isPresent();
    assertThat(Reinitiation.plan("R01", 1, retryDate.minusDays(181), TODAY, 2, CALENDAR)).isEmpty();
    assertThat(Reinitiation.plan("R01", 1, null, TODAY, 2, CALENDAR)).as("never sent: nothing to reinitiate")
        .isEmpty();
  }
}
