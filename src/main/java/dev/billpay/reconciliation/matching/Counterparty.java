package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;

/**
 * Whether a transaction comes from (or goes to) the counterparty an expectation names. Accounts are
 * compared on their letters and digits only ("DE89 3704 0044" is "DE8937040044"); names the same,
 * case-insensitively, so "ACME Corp." is "Acme Corp". An account, when both sides have one, decides
 * alone: two payers may share a name, never an account.
 */
final class Counterparty {
  private Counterparty() {}

  static boolean matches(Expectation e, BankTransaction tx) {
    String wantedAccount = normal(e.counterpartyAccount());
    String account = normal(tx.counterpartyAccount());
    if (!wantedAccount.isEmpty() && !account.isEmpty()) {
      return wantedAccount.equals(account);
    }
    String wantedName = normal(e.counterpartyName());
    return !wantedName.isEmpty() && wantedName.equals(normal(tx.counterpartyName()));
  }

  private static String normal(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }
}
