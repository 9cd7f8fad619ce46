package dev.billpay.reconciliation.bai2;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One status or summary entry of a 03 record: a balance such as 010 opening ledger, or a total
 * such as 100 total credits.
 *
 * @param typeCode three digits
 * @param amountMinor signed, in minor units; empty when the bank defaulted it
 * @param itemCount empty when defaulted (always for status codes)
 * @param funds {@link FundsType#UNKNOWN} when defaulted
 */
public record Summary(
    String typeCode, OptionalLong amountMinor, OptionalInt itemCount, FundsType funds) {
  public Summary {
    Objects.requireNonNull(typeCode, "typeCode");
    Objects.requireNonNull(amountMinor, "amountMinor");
    Objects.requireNonNull(itemCount, "itemCount");
    Objects.requireNonNull(funds, "funds");
  }

  /** A balance (status code) with an amount and nothing else. */
  public static Summary balance(String typeCode, long amountMinor) {
    return new Summary(typeCode, OptionalLong.of(amountMinor), OptionalInt.empty(),
        FundsType.UNKNOWN);
  }
}
