package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.payments.PaymentEvents;
import dev.billpay.payments.Payment;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.shared.Money;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment CloudEvents and their history projection")
class HistoryEventTest {
  private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

  private static Payment payment(int version) {
    return new Payment("pay_01ABC", "cli_1", "fa_1", "pe_1", new Money(12550, Currency.getInstance("USD")), "r-1",
        PaymentStatus.PENDING, null, version, T, T, Payment.Execution.of(null, null, null));
  }

  @Test
  @DisplayName("event ids are derived from payment id and version, so a replay cannot mint a second event")
  void deterministicIds() {
    assertThat(PaymentEvents.of(payment(1), "created").getString("id"))
        .isEqualTo(PaymentEvents.of(payment(1), "created").getString("id"))
        .isEqualTo("evt_01ABC_0001")
        .isNotEqualTo(PaymentEvents.of(payment(2), "submitted").getString("id"));
  }

  @Test
  @DisplayName("a CloudEvent round-trips into the history row's fields")
  void parse() {
    HistoryEvent e = HistoryEvent.parse(PaymentEvents.of(payment(1), "created").encode()).orElseThrow();
    assertThat(e.eventId()).isEqualTo("evt_01ABC_0001");
    assertThat(e.type()).isEqualTo("billpay.payment.created");
    assertThat(e.paymentId()).isEqualTo("pay_01ABC");
    assertThat(e.clientId()).isEqualTo("cli_1");
    assertThat(e.fundingAccountId()).isEqualTo("fa_1");
    assertThat(e.occurredAt()).isEqualTo(T);
    assertThat(e.amount()).isEqualTo(12550L);
  }

  @Test
  @DisplayName("records that are not payment events are refused, not half-written")
  void poison() {
    for (String bad : new String[] {"not json", "{}", "{\"type\":\"other.thing\",\"id\":\"x\"}"}) {
      assertThatThrownBy(() -> HistoryEvent.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("events of other billpay resources are skipped: they have no payment history row")
  void otherResources() {
    String blocked = dev.billpay.events.ResourceEvents.of("/billpay-gateway/funding-accounts",
        dev.billpay.events.ResourceEvents.FUNDING_ACCOUNT_BLOCKED, "fa_01ABC", 2, T, "cli_1",
        new io.vertx.core.json.JsonObject().put("id", "fa_01ABC")).encode();
    assertThat(HistoryEvent.parse(blocked)).isEmpty();
  }

  @Test
  @DisplayName("an expected payment's events are kept by resource; a funding account's are not kept at all")
  void expectedPaymentEventsAreKept() {
    String reconciled = dev.billpay.events.ResourceEvents.of("/billpay-gateway/expected-payments",
        "billpay.expected_payment.reconciled", "ep_01ABC", 3, T, "cli_1",
        new io.vertx.core.json.JsonObject().put("id", "ep_01ABC")).encode();
    ResourceEvent e = (ResourceEvent) ProjectedEvent.parse(reconciled).orElseThrow();
    assertThat(e.resourceId()).isEqualTo("ep_01ABC");
    assertThat(e.clientId()).isEqualTo("cli_1");
    assertThat(e.type()).isEqualTo("billpay.expected_payment.reconciled");
    assertThat(e.payload()).isEqualTo(reconciled);
    String blocked = dev.billpay.events.ResourceEvents.of("/billpay-gateway/funding-accounts",
        dev.billpay.events.ResourceEvents.FUNDING_ACCOUNT_BLOCKED, "fa_01ABC", 2, T, "cli_1",
        new io.vertx.core.json.JsonObject().put("id", "fa_01ABC")).encode();
    assertThat(ProjectedEvent.parse(blocked)).isEmpty();
  }
}
