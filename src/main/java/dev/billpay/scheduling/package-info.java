/**
 * Scheduling rules: the US Federal Reserve banking-day calendar, plan recurrences
 * (once, weekly, biweekly, monthly with month-end clamping) and their occurrences in a plan's time
 * zone. Pure Java with no I/O and no clock of its own: time comes in as a {@link java.time.Clock}
 * or an {@link java.time.Instant}, so it can run on an event loop and be tested without sleeping.
 */
package dev.billpay.scheduling;
