package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;
import java.util.List;

/**
 * One {@code Ntry} as read: what the statement's totals and balances are checked with, and the transactions it
 * becomes (none for an entry that is not booked).
 *
 * @param amountMinor unsigned, in minor units of {@code currency}
 * @param status {@code BOOK}, {@code PDNG}, {@code INFO}, {@code FUTR} or a proprietary status
 */
record Entry(XmlNode node, String currency, long amountMinor, Flow flow, boolean reversal, String status,
    LocalDate valueDate, String bankReference, String bankCode, List<BankTransaction> transactions) {

  boolean booked() {
    return status.equals("BOOK");
  }

  long signedMinor() {
    return flow == Flow.CREDIT ? amountMinor : -amountMinor;
  }

  Entry withTransactions(List<BankTransaction> split) {
    return new Entry(node, currency, amountMinor, flow, reversal, status, valueDate, bankReference, bankCode, split);
  }
}
