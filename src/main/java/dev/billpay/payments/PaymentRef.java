package dev.billpay.payments;

/** A payment's id and owner, as the background jobs see it: what they hand to {@link PaymentTransitions}. */
public record PaymentRef(String id, String clientId) {}
