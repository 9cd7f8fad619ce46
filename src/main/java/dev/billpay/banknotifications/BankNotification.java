package dev.billpay.banknotifications;

import dev.billpay.reconciliation.BankStatement;
import dev.billpay.reconciliation.BankTransaction;
import java.time.LocalDate;
import java.util.List;

/**
 * What one of a bank's signed push messages says, read and checked field by field: money on our account (an
 * incoming credit, a clearing file's settlement), or an ACH return or notification of change of an entry we sent.
 */
sealed interface BankNotification {
  /** The bank's id of the message, the same on each of its retries. */
  String id();

  /** The wire name of its type, e.g. {@code incoming_credit}. */
  String type();

  /** Money on our account, as one transaction of a statement of its own. */
  record Transfer(String id, String type, String account, BankTransaction transaction) implements BankNotification {
    /** The statement the reconciliation applies: format "notification", the notification's id as its id. */
    BankStatement statement() {
      return new BankStatement("notification", id, account, transaction.currency(), null, null,
          transaction.valueDate(), List.of(transaction));
    }
  }

  /** An entry we sent, returned by the receiving bank. */
  record Return(String id, String originalTrace, String returnCode, long amountMinor, LocalDate originalEffectiveDate,
      String addendaInformation) implements BankNotification {
    @Override
    public String type() {
      return "return";
    }
  }

  /** The receiving bank asks us to correct the account details of an entry we sent. */
  record Change(String id, String originalTrace, String changeCode, String correctedData,
      LocalDate originalEffectiveDate) implements BankNotification {
    @Override
    public String type() {
      return "notification_of_change";
    }
  }
}
