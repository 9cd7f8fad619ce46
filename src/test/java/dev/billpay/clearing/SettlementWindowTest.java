package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.scheduling.BankingCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The settlement window counts banking days after the effective date")
class SettlementWindowTest {
  private final SettlementSweep twoDays = new SettlementSweep(null, null, BankingCalendar.federalReserve(),
      ZoneId.of("America/New_York"), 2);

  @Test
  @DisplayName("on Tuesday Dec 1 2026, entries effective up to Friday Nov 27 have had two banking days")
  void window() {
    // Nov 27 + 2 banking days = Dec 1 (Mon 30, Tue 1); Nov 30 + 2 = Dec 2 (weekend days are never effective dates)
    assertThat(twoDays.settledThrough(LocalDate.parse("2026-12-01"))).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(twoDays.settledThrough(LocalDate.parse("2026-12-02"))).isEqualTo(LocalDate.parse("2026-11-30"));
  }

  @Test
  @DisplayName("Thanksgiving is not a banking day: Wednesday Nov 25 entries settle on Monday Nov 30, not Friday")
  void holiday() {
    assertThat(twoDays.settledThrough(LocalDate.parse("2026-11-27"))).isBefore(LocalDate.parse("2026-11-25"));
    assertThat(twoDays.settledThrough(LocalDate.parse("2026-11-30"))).isAfterOrEqualTo(LocalDate.parse("2026-11-25"));
  }
}
