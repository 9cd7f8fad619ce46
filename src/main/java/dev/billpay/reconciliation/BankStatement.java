package dev.billpay.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One account's report from the bank, whatever its format: a BAI2 account (03 ... 49), a camt.053
 * {@code Stmt}, a camt.054 {@code Ntfctn}, or a single bank notification.
 *
 * @param format "bai2", "camt.053.001.02", "camt.054.001.08", "notification", ...
 * @param statementId the bank's id of the statement or notification; "" when it has none
 * @param accountId our account at the bank (number or IBAN); "" when not reported
 * @param openingBookedMinor signed opening booked balance (camt OPBD, BAI2 010), null when not reported
 * @param closingBookedMinor signed closing booked balance (camt CLBD, BAI2 015), null when not reported
 * @param date the statement's as-of (or creation) date
 */
public record BankStatement(
    String format,
    String statementId,
    String accountId,
    String currency,
    Long openingBookedMinor,
    Long closingBookedMinor,
    LocalDate date,
    List<BankTransaction> transactions) {
  public BankStatement {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(date, "date");
    transactions = List.copyOf(transactions);
  }
}
