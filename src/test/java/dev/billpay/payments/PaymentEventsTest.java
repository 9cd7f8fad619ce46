package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.events.EventTypes;
import dev.billpay.shared.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment events: the CloudEvent of a payment's change")
class PaymentEventsTest {
  private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

  @Test
  @DisplayName("a payment event is the envelope, the owning client as an extension, and the payment as the API shows it")
  void bytes() {
    Payment p = new Payment("pay_01ABC", "cli_1", "fa_1", "pe_1", new Money(12550, Currency.getInstance("USD")),
        "r-1", PaymentStatus.PENDING, null, 3, T, T.plusSeconds(1), Payment.Execution.of(null, null, null));
    assertThat(PaymentEvents.of(p, "created").encode()).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"evt_01ABC_0003\","
        + "\"source\":\"/billpay-gateway/payments\",\"type\":\"billpay.payment.created\",\"subject\":\"pay_01ABC\","
        + "\"time\":\"2026-11-25T10:15:31.123Z\",\"datacontenttype\":\"application/json\",\"clientid\":\"cli_1\","
        + "\"data\":{\"id\":\"pay_01ABC\",\"object\":\"payment\",\"status\":\"pending\",\"amount\":12550,"
        + "\"currency\":\"USD\",\"funding_account_id\":\"fa_1\",\"payee_id\":\"pe_1\",\"reference\":\"r-1\","
        + "\"scheduled_for\":null,\"plan_id\":null,\"speed\":\"standard\",\"effective_date\":null,\"trace_number\":null,"
        + "\"clearing_file_id\":null,\"return_code\":null,\"return_reason\":null,\"return_dispute\":null,"
        + "\"retry_of\":null,\"attempt\":1,\"created_at\":\"2026-11-25T10:15:30.123Z\",\"updated_at\":\"2026-11-25T10:15:31.123Z\"}}");
  }

  @Test
  @DisplayName("the payment event types the gateway knows are its creation, each state a payment can enter, a dispute"
      + " of its return and the scheduling of its re-presentment")
  void knownTypes() {
    var fromStates = Stream.concat(Stream.of("created", PaymentEvents.RETURN_DISPUTED, PaymentEvents.RETRY_SCHEDULED),
        Arrays.stream(
        PaymentStatus.values()).map(PaymentStateMachine::eventFor)).map(change -> PaymentEvents.TYPE_PREFIX + change)
        .toList();
    assertThat(EventTypes.known().stream().filter(t -> t.startsWith(PaymentEvents.TYPE_PREFIX)))
        .containsExactlyInAnyOrderElementsOf(fromStates);
  }
}
