package dev.billpay.shared;

/** A resource id together with the client that owns it: every lookup is scoped to its owner. */
public record Owned(String clientId, String id) {}
