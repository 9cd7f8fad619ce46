package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Same-day ACH configured to refuse a payment that missed the day's last window")
class SameDayRefusalIT {
  // a single same-day window at 00:00 UTC: whenever the test runs, today's last window has passed
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_ROLES", "api,relay,projector,webhooks,maintenance",
      "BILLPAY_CLEARING_SAME_DAY_WINDOWS", "00:00",
      "BILLPAY_CLEARING_SAME_DAY_SETTLEMENT_TIMES", "13:00",
      "BILLPAY_CLEARING_SAME_DAY_TIME_ZONE", "UTC",
      "BILLPAY_CLEARING_SAME_DAY_AFTER_LAST_WINDOW", "refuse"));
  private static final Api api = new Api();

  @Test
  @DisplayName("a same-day payment due today is 422 same-day-window-missed; scheduled for tomorrow, or standard, it is accepted")
  void refused() {
    Api.Response late = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(6161).put("speed", "same_day"));
    assertThat(late.status()).as(late.body()).isEqualTo(422);
    assertThat(late.header("Content-Type")).startsWith("application/problem+json");
    assertThat(late.json().getString("type")).isEqualTo("https://billpay-gateway.dev/problems/same-day-window-missed");
    assertThat(late.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("speed");

    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    Api.Response scheduled = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(6262).put("speed", "same_day")
        .put("scheduled_for", tomorrow.toString()));
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    assertThat(scheduled.json().getString("status")).isEqualTo("scheduled");
    assertThat(scheduled.json().getString("effective_date"))
        .isEqualTo(BankingCalendar.federalReserve().onOrAfter(tomorrow).toString());

    Api.Response standard = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(6363));
    assertThat(standard.status()).as(standard.body()).isEqualTo(201);
    assertThat(standard.json().getString("speed")).isEqualTo("standard");
  }
}
