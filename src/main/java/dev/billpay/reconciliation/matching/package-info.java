/**
 * The matching engine: decides, for every transaction a bank reported, which of our expected payments it reconciles
 * or which of our own entries it settles, or that a person must look at it. Pure and deterministic; the database
 * layer feeds it candidates and makes its decisions so.
 */
package dev.billpay.reconciliation.matching;
