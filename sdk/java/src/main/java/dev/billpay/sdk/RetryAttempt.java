package dev.billpay.sdk;

import java.time.Duration;

/**
 * A failed attempt that the client is about to retry, as told to {@link BillpayClient.Builder#onRetry}.
 *
 * @param attempt the attempt that failed (1 for the first)
 * @param status its HTTP status, 0 when there was no answer
 * @param reason the problem type's slug, or the connection error
 * @param delay how long the client waits before the next attempt
 * @param idempotencyKey the key every attempt of the call carries, or null
 */
public record RetryAttempt(String method, String path, int attempt, int status, String reason, Duration delay,
    String idempotencyKey) {}
