package dev.billpay.shared;

import java.util.Currency;

/** An amount in integer minor units of an ISO 4217 currency (12550 USD = $125.50). */
public record Money(long minor, Currency currency) {
  public Money {
    if (minor <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }
}
