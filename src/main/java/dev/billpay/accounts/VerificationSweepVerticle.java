package dev.billpay.accounts;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link VerificationSweep} every poll interval; any number of instances may run. */
public final class VerificationSweepVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(VerificationSweepVerticle.class);
  private final VerificationSweep sweep;
  private final long pollIntervalMs;
  private long timer;
  private boolean running;
  private boolean stopped;

  public VerificationSweepVerticle(VerificationSweep sweep, long pollIntervalMs) {
    this.sweep = sweep;
    this.pollIntervalMs = pollIntervalMs;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(0, pollIntervalMs, id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void tick() {
    if (running || stopped) {
      return;
    }
    running = true;
    sweep.run().onComplete(ar -> {
      running = false;
      // a run cut short by the undeploy (its pool closed) is not worth a warning: the next start redoes it
      if (ar.failed() && !stopped) {
        LOG.warn("verification sweep failed, retrying at the next tick: {}", ar.cause().toString());
      }
    });
  }
}
