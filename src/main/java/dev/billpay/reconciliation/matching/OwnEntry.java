package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money we moved ourselves and expect the bank to report: a clearing file's settlement (a credit for
 * the total of its debits, a debit for the total of its credits), a returned entry settling against
 * us, a reversal we originated.
 *
 * @param id the clearing file id for a settlement, the payment id for a return or a reversal
 * @param reference what the bank may quote back (trace number, file id); null when none
 */
public record OwnEntry(String id, Kind kind, Flow flow, long amountMinor, String currency, LocalDate expectedDate,
    String reference) {

  public enum Kind {
    CLEARING_FILE_SETTLEMENT,
    RETURN_SETTLEMENT,
    REVERSAL
  }

  public OwnEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(expectedDate, "expectedDate");
  }
}
