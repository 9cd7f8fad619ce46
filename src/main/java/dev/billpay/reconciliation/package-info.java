/**
 * Reconciliation of what the bank reports: bank files (NACHA returns and notifications of change,
 * BAI2 and ISO 20022 camt statements) and pushed notifications are read into one model ({@link
 * dev.billpay.reconciliation.BankStatement}, {@link dev.billpay.reconciliation.BankTransaction}),
 * the {@code matching} engine decides what each transaction reconciles, and this package makes it
 * so in the import's transaction. The formats themselves live in {@code reconciliation.bai2} and
 * {@code reconciliation.camt}.
 */
package dev.billpay.reconciliation;
