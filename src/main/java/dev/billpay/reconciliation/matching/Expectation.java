package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An expected payment as the engine sees it: money a client expects to arrive on (credit) or leave
 * (debit) our account, not yet fully reconciled.
 *
 * @param minMinor the least amount expected (equal to {@code maxMinor} for an exact amount)
 * @param reference the remittance reference the counterparty should quote; null when none
 * @param counterpartyName null when not given
 * @param counterpartyAccount null when not given
 * @param reconciledMinor what earlier transactions already reconciled of it
 */
public record Expectation(
    String id,
    String clientId,
    Flow flow,
    long minMinor,
    long maxMinor,
    String currency,
    LocalDate windowStart,
    LocalDate windowEnd,
    String reference,
    String counterpartyName,
    String counterpartyAccount,
    long reconciledMinor) {
  public Expectation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    if (flow == Flow.NONE || minMinor <= 0 || maxMinor < minMinor || reconciledMinor < 0
        || windowEnd.isBefore(windowStart)) {
      throw new IllegalArgumentException("not a valid expectation: " + id);
    }
  }
}
