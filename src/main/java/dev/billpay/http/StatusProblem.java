package dev.billpay.http;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;

/**
 * A problem whose status the HTTP layer decided (a 4xx the router or Netty produced), rendered with
 * the catalogue's type and title but that status.
 */
final class StatusProblem extends DomainException {
  private final int status;

  StatusProblem(int status, ProblemType type, String detail) {
    super(type, detail);
    this.status = status;
  }

  @Override
  public int status() {
    return status;
  }
}
