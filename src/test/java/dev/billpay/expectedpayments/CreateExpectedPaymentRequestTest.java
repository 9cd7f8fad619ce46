package dev.billpay.expectedpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The body of POST /v1/expected-payments")
class CreateExpectedPaymentRequestTest {
  private static JsonObject valid() {
    return new JsonObject().put("direction", "credit").put("amount_minor", 12_550).put("currency", "USD")
        .put("date_window", new JsonObject().put("start", "2026-12-01").put("end", "2026-12-05"));
  }

  private static java.util.List<String> fieldsAtFault(JsonObject body) {
    DomainException e = catchThrowableOfType(DomainException.class, () -> CreateExpectedPaymentRequest.parse(body));
    assertThat(e).as("refused: " + body.encode()).isNotNull();
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  @DisplayName("an exact amount is a range of one value; a range keeps its bounds")
  void amounts() {
    CreateExpectedPaymentRequest exact = CreateExpectedPaymentRequest.parse(valid());
    assertThat(exact.exactAmount()).isTrue();
    assertThat(exact.minMinor()).isEqualTo(12_550);
    assertThat(exact.maxMinor()).isEqualTo(12_550);
    assertThat(exact.windowEnd()).isEqualTo(LocalDate.of(2026, 12, 5));
    JsonObject range = valid();
    range.remove("amount_minor");
    CreateExpectedPaymentRequest r = CreateExpectedPaymentRequest.parse(range.put("amount_min_minor", 100)
        .put("amount_max_minor", 200));
    assertThat(r.exactAmount()).isFalse();
    assertThat(r.minMinor()).isEqualTo(100);
    assertThat(r.maxMinor()).isEqualTo(200);
  }

  @Test
  @DisplayName("each bad field is named, nested ones by their path")
  void namesEachField() {
    assertThat(fieldsAtFault(valid().put("direction", "sideways"))).containsExactly("direction");
    assertThat(fieldsAtFault(valid().put("amount_minor", 0))).containsExactly("amount_minor");
    assertThat(fieldsAtFault(valid().put("amount_min_minor", 5))).containsExactly("amount_minor");
    assertThat(fieldsAtFault(valid().put("currency", "usd"))).containsExactly("currency");
    assertThat(fieldsAtFault(valid().put("currency", "XXX"))).containsExactly("currency");
    assertThat(fieldsAtFault(valid().put("date_window", new JsonObject().put("start", "2026-12-05")
        .put("end", "2026-12-01")))).containsExactly("date_window.end");
    assertThat(fieldsAtFault(valid().put("date_window", new JsonObject().put("start", "2026-02-30")
        .put("end", "2026-03-01")))).containsExactly("date_window.start");
    assertThat(fieldsAtFault(valid().put("counterparty", new JsonObject().put("account_number", "12 34"))))
        .containsExactly("counterparty.account_number");
    assertThat(fieldsAtFault(valid().put("reference", " "))).containsExactly("reference");
    assertThat(fieldsAtFault(valid().put("metadata", new JsonObject().put("invoice", 7))))
        .containsExactly("metadata.invoice");
    assertThat(fieldsAtFault(valid().put("colour", "blue"))).containsExactly("colour");
  }

  @Test
  @DisplayName("a range whose maximum is below its minimum is refused at the maximum")
  void invertedRange() {
    JsonObject body = valid();
    body.remove("amount_minor");
    assertThat(fieldsAtFault(body.put("amount_min_minor", 300).put("amount_max_minor", 200)))
        .containsExactly("amount_max_minor");
  }

  @Test
  @DisplayName("everything wrong at once is reported at once")
  void allAtOnce() {
    assertThat(fieldsAtFault(new JsonObject())).containsExactlyInAnyOrder("direction", "amount_minor", "currency",
        "date_window");
  }

  @Test
  @DisplayName("a refused account number is never echoed in the problem")
  void accountNumberNotEchoed() {
    DomainException e = catchThrowableOfType(DomainException.class, () -> CreateExpectedPaymentRequest.parse(
        valid().put("counterparty", new JsonObject().put("account_number", "DE89-3704-0044"))));
    assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).doesNotContain("3704"));
  }
}
