package dev.billpay.plans;

import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PlanScheduler} every poll interval (and again at once while batches come back full).
 * Any number of instances may run: the claims skip each other's locked rows.
 */
public final class SchedulerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);
  private final GatewayConfig config;
  private final Clock clock;
  private Pool pool;
  private PlanScheduler scheduler;
  private long timer;
  private boolean running;
  private boolean stopped;

  public SchedulerVerticle(GatewayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.shared(vertx, config.pg());
    scheduler = new PlanScheduler(pool, new PaymentTransitions(), BankingCalendar.federalReserve(),
        config.scheduling());
    timer = vertx.setPeriodic(0, config.scheduling().pollIntervalMs(), id -> tick());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return pool.close();
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
    return scheduler.materialize(clock.instant()).compose(made -> made >= config.scheduling().batchSize()
        ? runOnce() : drainDue());
  }

  private Future<Void> drainDue() {
    return scheduler.moveDue(clock.instant()).compose(moved -> moved >= config.scheduling().batchSize()
        ? drainDue() : Future.succeededFuture());
  }
}
