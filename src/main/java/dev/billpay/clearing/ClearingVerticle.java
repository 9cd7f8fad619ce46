package dev.billpay.clearing;

import dev.billpay.config.GatewayConfig;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
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
  private final GatewayConfig config;
  private final AccountNumberCipher cipher;
  private final Clock clock;
  private final GatewayMetrics metrics;
  private Pool pool;
  private ClearingEngine engine;
  private ClearingRepository runs;
  private CutoffSchedule cutoffs;
  private SettlementSweep settlement;
  private long timer;
  private boolean running;
  private boolean stopped;

  public ClearingVerticle(GatewayConfig config, AccountNumberCipher cipher, GatewayMetrics metrics, Clock clock) {
    this.config = config;
    this.metrics = metrics;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.shared(vertx, config.pg());
    BankingCalendar calendar = BankingCalendar.federalReserve();
    GatewayConfig.ClearingConfig c = config.clearing();
    cutoffs = new CutoffSchedule(c.cutoffTimes(), c.zone(), calendar);
    PaymentTransitions transitions = new PaymentTransitions();
    engine = new ClearingEngine(vertx, pool, c, cutoffs, cipher, transitions,
        new DirectoryTransmitter(vertx, c.transmitDir()), metrics);
    runs = new ClearingRepository(pool);
    settlement = new SettlementSweep(pool, transitions, calendar, c.zone(), c.settlementDays());
    timer = vertx.setPeriodic(0, c.pollIntervalMs(), id -> tick());
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
