package dev.billpay.sdk;

import dev.billpay.sdk.model.Problem;
import java.time.Duration;

/** A 4xx problem: the request is refused as it is. Only 429 and an in-flight idempotency key are retried. */
public class ClientProblemException extends BillpayProblemException {
  public ClientProblemException(Problem problem, String requestId, Duration retryAfter, int attempts) {
    super(problem, requestId, retryAfter, attempts);
  }
}
