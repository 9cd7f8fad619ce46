package dev.billpay.payments;

import java.util.function.Predicate;

/**
 * What a new debit (a payment or a plan) asks of its funding account beyond being the client's and not
 * blocked: that ACH reaches its bank (the FedACH directory in use lists the routing number) and, when
 * {@code requireVerified}, that the account is verified (the Nacha WEB Debit Account Validation Rule); and of
 * its client, that its debits are not paused for a return rate over the Rules' thresholds.
 */
public record DebitPolicy(boolean requireVerified, Predicate<String> achParticipant, DebitPause pause) {}
