package dev.billpay.payments;

import io.vertx.core.Future;

/**
 * Whether a client's new debits are paused (its return rate is over a threshold and the operator
 * asked for a pause): asked before a payment is written. Implemented where return rates are watched,
 * so payments need not know how they are.
 */
@FunctionalInterface
public interface DebitPause {
  /** Never paused: the default. */
  DebitPause NEVER = clientId -> Future.succeededFuture(false);

  Future<Boolean> isPaused(String clientId);
}
