/**
 * Signed push messages from banks: an incoming credit, a clearing file's settlement, a return or a notification of
 * change, each verified by its Standard Webhooks signature under the bank's secret, kept once per (bank,
 * notification id), and applied through the bank-file import as the file carrying the same news would be.
 */
package dev.billpay.banknotifications;
