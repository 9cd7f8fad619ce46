package dev.billpay.plans;

import dev.billpay.config.GatewayConfig.SchedulingConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PlanScheduler} every poll interval (and again at once while batches come back full).
 * Any number of instances may run: the claims skip each other's locked rows.
 */
public final class SchedulerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);
  private final PlanScheduler scheduler;
  private final SchedulingConfig config;
  private final Clock clock;
  private long timer;
  private boolean running;
  private boolean stopped;

  public SchedulerVerticle(PlanScheduler scheduler, SchedulingConfig config, Clock clock) {
    this.scheduler = scheduler;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(0, config.pollIntervalMs(), id -> tick());
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
    runOnce().onComplete(ar -> {
      running = false;
      // a run cut short by the undeploy (its pool closed) is not worth a warning: the next start redoes it
      if (ar.failed() && !stopped) {
        LOG.warn("scheduler run failed, retrying at the next tick: {}", ar.cause().toString());
      }
    });
  }

  /** Materialises and moves due payments until a batch comes back short. */
  private Future<Void> runOnce() {
    return scheduler.materialize(clock.instant()).compose(made -> made >= config.batchSize()
        ? runOnce() : drainDue());
  }

  private Future<Void> drainDue() {
    return scheduler.moveDue(clock.instant()).compose(moved -> moved >= config.batchSize()
        ? drainDue() : Future.succeededFuture());
  }
}
