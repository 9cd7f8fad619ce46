/**
 * Bank-account validation: ABA routing numbers, US account numbers and types, IBANs checked against
 * the SWIFT IBAN registry, and membership in the FedACH participant directory. The checks are pure
 * Java and run on an event loop; only reading the directory file blocks, at start-up and in a
 * reload on a worker thread ({@link dev.billpay.banking.RoutingDirectorySource}).
 */
package dev.billpay.banking;
