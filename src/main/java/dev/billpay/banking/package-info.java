/**
 * Bank-account validation: ABA routing numbers, US account numbers and types,
 * and IBANs checked against the SWIFT IBAN registry. Pure Java with no I/O other than loading an
 * optional routing directory file, so it can run on an event loop.
 */
package dev.billpay.banking;
