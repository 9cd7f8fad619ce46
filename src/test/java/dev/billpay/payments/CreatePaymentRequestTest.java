package dev.billpay.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("POST /v1/payments body validation")
class CreatePaymentRequestTest {
  private static final long MAX = 100_000_000L;

  private static JsonObject valid() {
    return new JsonObject().put("funding_account_id", "fa_01ABC").put("payee_id", "pe_01XYZ")
        .put("amount", 12550).put("currency", "USD").put("reference", "inv-1");
  }

  @Test
  @DisplayName("a valid body parses into integer minor units of an ISO 4217 currency")
  void valid_parses() {
    CreatePaymentRequest r = CreatePaymentRequest.parse(valid());
    assertThat(r.amount().minor()).isEqualTo(12550L);
    assertThat(r.amount().currencyCode()).isEqualTo("USD");
    assertThat(r.reference()).isEqualTo("inv-1");
    assertThat(r.speed()).as("without speed, standard ACH").isEqualTo(PaymentSpeed.STANDARD);
  }

  @Test
  @DisplayName("speed is standard or same_day; anything else is a field error on speed")
  void speeds() {
    assertThat(CreatePaymentRequest.parse(valid().put("speed", "same_day")).speed()).isEqualTo(PaymentSpeed.SAME_DAY);
    assertThat(CreatePaymentRequest.parse(valid().put("speed", "standard")).speed()).isEqualTo(PaymentSpeed.STANDARD);
    for (Object bad : new Object[] {"SAME_DAY", "same-day", "instant", 1, true}) {
      assertThatThrownBy(() -> CreatePaymentRequest.parse(valid().put("speed", bad)))
          .as("speed %s", bad)
          .isInstanceOfSatisfying(DomainException.class, p -> assertThat(p.errors()).singleElement()
              .satisfies(e -> assertThat(e.field()).isEqualTo("speed")));
    }
  }

  @Test
  @DisplayName("fractions, zero, negatives, strings and absurd sizes are refused on the amount field")
  void amounts() {
    for (Object bad : new Object[] {12.5, 0, -1, Long.MAX_VALUE, "100", true}) {
      assertThatThrownBy(() -> CreatePaymentRequest.parse(valid().put("amount", bad)))
          .as("amount %s", bad)
          .isInstanceOfSatisfying(DomainException.class, p -> assertThat(p.errors()).singleElement()
              .satisfies(e -> assertThat(e.field()).isEqualTo("amount")));
    }
  }

  @Test
  @DisplayName("every amount from 1 to the limit is accepted exactly (seeded random sample)")
  void amountRange() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      long amount = 1 + (long) (random.nextDouble() * MAX);
      assertThat(CreatePaymentRequest.parse(valid().put("amount", amount)).amount().minor())
          .as("seed %d", seed).isEqualTo(amount);
    }
  }

  @Test
  @DisplayName("unknown fields, bad ids and unknown currencies are each reported")
  void everyProblemListed() {
    JsonObject body = valid().put("funding_account_id", "acct_1").put("currency", "XYZ").put("amout", 5);
    assertThatThrownBy(() -> CreatePaymentRequest.parse(body))
        .isInstanceOfSatisfying(DomainException.class, p -> {
          assertThat(p.status()).isEqualTo(400);
          assertThat(p.errors()).extracting(FieldError::field)
              .containsExactlyInAnyOrder("amout", "funding_account_id", "currency");
        });
  }

  @Test
  @DisplayName("scheduled_for must be a calendar date")
  void scheduledFor() {
    assertThat(CreatePaymentRequest.parse(valid().put("scheduled_for", "2026-12-01")).scheduledFor())
        .hasToString("2026-12-01");
    for (Object bad : new Object[] {"2026-13-01", "2026-02-30", "tomorrow", 20261201}) {
      assertThatThrownBy(() -> CreatePaymentRequest.parse(valid().put("scheduled_for", bad))).as("%s", bad)
          .isInstanceOfSatisfying(DomainException.class, p -> assertThat(p.errors()).singleElement()
              .satisfies(e -> assertThat(e.field()).isEqualTo("scheduled_for")));
    }
  }

  @Test
  @DisplayName("missing required fields are each reported as required")
  void missing() {
    assertThatThrownBy(() -> CreatePaymentRequest.parse(new JsonObject()))
        .isInstanceOfSatisfying(DomainException.class, p -> assertThat(p.errors())
            .extracting(FieldError::field)
            .containsExactlyInAnyOrder("funding_account_id", "payee_id", "amount", "currency"));
  }
}
