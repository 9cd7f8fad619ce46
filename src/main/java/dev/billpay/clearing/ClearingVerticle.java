package dev.billpay.clearing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the clock for cut-offs and runs each one once (any number of instances may run: the engine
 * elects a leader per cut-off), flags files whose hand-over a crash cut short, then settles what
 * passed its settlement window.
 */
public final class ClearingVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ClearingVerticle.class);
  private final ClearingEngine engine;
  private final ClearingRepository runs;
  private final CutoffSchedule cutoffs;
  private final SettlementSweep settlement;
  private final long pollIntervalMs;
  private final Clock clock;
  private long timer;
  private boolean running;
  private boolean stopped;

  public ClearingVerticle(ClearingEngine engine, ClearingRepository runs, CutoffSchedule cutoffs,
      SettlementSweep settlement, long pollIntervalMs, Clock clock) {
    this.engine = engine;
    this.runs = runs;
    this.cutoffs = cutoffs;
    this.settlement = settlement;
    this.pollIntervalMs = pollIntervalMs;
    this.clock = clock;
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
    var now = clock.instant();
    Future<?> cutoff = cutoffs.latestAtOrBefore(now)
        .map(at -> runs.runExists(at).compose(done -> done ? Future.succeededFuture()
            : engine.run(at, now).onSuccess(r -> {
              if (r.ran()) {
                LOG.info("cut-off {}: {} file(s), {} payment(s) failed the execution check", at, r.files().size(),
                    r.failed());
              }
            })))
        .orElse(Future.succeededFuture());
    cutoff.compose(v -> engine.flagAbandoned(clock.instant()))
        .compose(v -> settlement.run(clock.instant())).onComplete(ar -> {
      running = false;
      // a run cut short by the undeploy (its pool closed) is not worth a warning: the next start redoes it
      if (ar.failed() && !stopped) {
        LOG.warn("clearing tick failed, retrying at the next one: {}", ar.cause().toString());
      }
    });
  }
}
