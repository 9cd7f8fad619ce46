package dev.billpay.clearing;

import dev.billpay.accounts.FundingAccountQueries.DebitAccount;
import dev.billpay.crypto.AccountNumberCipher.Sealed;
import dev.billpay.payments.PaymentQueries.Due;

/** A pending payment and the funding account it debits (the number still sealed): one entry of a file. */
record DuePayment(String id, String clientId, long amount, String currency, String planId,
    String fundingAccountId, String accountType, String accountStatus, String holderName, String routingNumber,
    String bankAccountType, Sealed number, boolean reinitiation) {

  static DuePayment of(Due payment, DebitAccount account) {
    return new DuePayment(payment.id(), payment.clientId(), payment.amount(), payment.currency(), payment.planId(),
        account.id(), account.type(), account.status(), account.holderName(), account.routingNumber(),
        account.accountType(), account.number(), payment.isReinitiation());
  }
}
