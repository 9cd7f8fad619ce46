package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One 16 transaction detail record, with its 88 continuations folded in.
 *
 * @param line physical line of the 16 record
 * @param typeCode three digits; see {@link Bai2TypeCodes}
 * @param amountMinor unsigned, in minor units of {@code currency}; 0 when defaulted (type 890)
 * @param direction from the type code, see {@link Bai2TypeCodes#direction(String)}
 * @param funds availability as reported
 * @param bankReference empty when defaulted
 * @param customerReference empty when defaulted
 * @param text the rest of the logical record: may contain commas and slashes; empty when none
 * @param currency the account's currency, else the group's, else USD
 * @param valueDate the funds type's value date for {@code V}, otherwise the group's as-of date
 */
public record Transaction(
    int line,
    String typeCode,
    long amountMinor,
    Direction direction,
    FundsType funds,
    String bankReference,
    String customerReference,
    String text,
    String currency,
    LocalDate valueDate) {
  public Transaction {
    Objects.requireNonNull(typeCode, "typeCode");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(funds, "funds");
    Objects.requireNonNull(bankReference, "bankReference");
    Objects.requireNonNull(customerReference, "customerReference");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(valueDate, "valueDate");
    if (amountMinor < 0) {
      throw new IllegalArgumentException("transaction amounts are unsigned");
    }
  }

  public boolean credit() {
    return direction == Direction.CREDIT;
  }

  public boolean debit() {
    return direction == Direction.DEBIT;
  }

  /** The funds type code: 0, 1, 2, V, S, D or Z. */
  public String fundsType() {
    return funds.code();
  }
}
