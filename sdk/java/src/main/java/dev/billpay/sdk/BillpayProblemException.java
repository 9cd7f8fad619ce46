package dev.billpay.sdk;

import dev.billpay.sdk.model.Problem;
import dev.billpay.sdk.model.ProblemFieldError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An application/problem+json answer (RFC 9457). Each stable problem type of the gateway has its own subclass
 * in dev.billpay.sdk.problems (e.g. ValidationException, DuplicateReferenceException, RateLimitedException),
 * under ClientProblemException (4xx) or ServerProblemException (5xx); switch on the class or on {@link #slug()}.
 */
public class BillpayProblemException extends BillpayException {
  private final Problem problem;
  private final String requestId;
  private final Duration retryAfter;

  public BillpayProblemException(Problem problem, String requestId, Duration retryAfter, int attempts) {
    super(problem.status() + " " + problem.type() + ": " + problem.detail()
        + (requestId == null ? "" : " (request " + requestId + ")"), null, attempts);
    this.problem = problem;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /** The problem document as the gateway sent it. */
  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status() == null ? 0 : problem.status().intValue();
  }

  /** The type URI, {@code https://billpay-gateway.dev/problems/<slug>}. */
  public String type() {
    return problem.type();
  }

  /** The last segment of the type URI, e.g. {@code validation}: stable, switch on it. */
  public String slug() {
    String type = problem.type() == null ? "" : problem.type();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  public String title() {
    return problem.title();
  }

  public String detail() {
    return problem.detail();
  }

  /** One entry per field at fault, empty when the problem is not about fields. */
  public List<ProblemFieldError> errors() {
    return problem.errors() == null ? List.of() : problem.errors();
  }

  /** The gateway's id of the request (its X-Request-Id answer header): quote it when you ask for support. */
  public String requestId() {
    return requestId;
  }

  /** The Retry-After the gateway asked for (429, 503), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
