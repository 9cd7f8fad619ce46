package dev.billpay.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment we expect a payer to push to us (wire or transfer).
 *
 * @param reference the payer's reference, null when there is none
 */
public record ExpectedPayment(
    String paymentId, String reference, long amountMinor, String currency,
    LocalDate expectedDate) {
  public ExpectedPayment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(expectedDate, "expectedDate");
  }
}
