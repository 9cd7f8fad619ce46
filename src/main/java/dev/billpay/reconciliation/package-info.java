/**
 * Reconciliation of bank statements: {@link
 * dev.billpay.reconciliation.StatementMatcher} matches the transactions of a parsed BAI2 statement
 * to clearing files and expected payments; the BAI2 format itself lives in {@code
 * reconciliation.bai2}. Pure logic; the DB layer feeds it candidates and stores its results.
 */
package dev.billpay.reconciliation;
