package dev.billpay.infra;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every interval, one run at a time: a tick that comes while the last run is still going is
 * skipped, and a failed run is retried at the next tick.
 */
public final class PeriodicTaskVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTaskVerticle.class);
  private final String name;
  private final long intervalMs;
  private final Supplier<Future<?>> task;
  private long timer;
  private boolean running;
  private boolean stopped;

  public PeriodicTaskVerticle(String name, long intervalMs, Supplier<Future<?>> task) {
    this.name = name;
    this.intervalMs = intervalMs;
    this.task = task;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(0, intervalMs, id -> tick());
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
    task.get().onComplete(ar -> {
      running = false;
      // a run cut short by the undeploy (its pool closed) is not worth a warning: the next start redoes it
      if (ar.failed() && !stopped) {
        LOG.warn("{} failed, retrying at the next tick: {}", name, ar.cause().toString());
      }
    });
  }
}
