package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Money parsing properties (QuickTheories)")
class MoneyParsingPropertiesTest {

  private static JsonObject body(Object amount, String currency) {
    return new JsonObject().put("funding_account_id", "fa_1").put("payee_id", "pe_1").put("amount", amount)
        .put("currency", currency);
  }

  @Test
  @DisplayName("every positive integer amount up to 2^62 parses to exactly itself, in minor units")
  void positiveIntegers() {
    qt().forAll(longs().between(1, (1L << 62) - 1)).checkAssert(amount ->
        assertThat(CreatePaymentRequest.parse(body(amount, "USD")).amount().minor()).isEqualTo(amount));
  }

  @Test
  @DisplayName("zero and every negative amount is refused on the amount field")
  void nonPositive() {
    qt().forAll(longs().between(Long.MIN_VALUE, 0)).checkAssert(amount ->
        assertThatThrownBy(() -> CreatePaymentRequest.parse(body(amount, "USD")))
            .isInstanceOfSatisfying(DomainException.class,
                p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("amount")));
  }

  @Test
  @DisplayName("every amount with a fraction is refused: money is never a float")
  void fractions() {
    qt().forAll(doubles().between(-1e12, 1e12)).assuming(d -> d != Math.rint(d)).checkAssert(amount ->
        assertThatThrownBy(() -> CreatePaymentRequest.parse(body(amount, "USD")))
            .isInstanceOf(DomainException.class));
  }

  @Test
  @DisplayName("every ISO 4217 currency known to the JDK with minor units is accepted; lower case never is")
  void currencies() {
    for (Currency c : Currency.getAvailableCurrencies()) {
      if (c.getDefaultFractionDigits() < 0) {
        continue;
      }
      assertThat(CreatePaymentRequest.parse(body(100, c.getCurrencyCode())).amount().currency()).isEqualTo(c);
      assertThatThrownBy(() -> CreatePaymentRequest.parse(body(100, c.getCurrencyCode().toLowerCase())))
          .isInstanceOf(DomainException.class);
    }
  }
}
