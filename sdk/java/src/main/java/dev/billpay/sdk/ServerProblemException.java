package dev.billpay.sdk;

import dev.billpay.sdk.model.Problem;
import java.time.Duration;

/** A 5xx problem. 503 (a dependency of the gateway is down) is retried; 500 is not. */
public class ServerProblemException extends BillpayProblemException {
  public ServerProblemException(Problem problem, String requestId, Duration retryAfter, int attempts) {
    super(problem, requestId, retryAfter, attempts);
  }
}
