package dev.billpay.idempotency;

import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes idempotency records older than the retention (at least 24 h) in the background. A purged
 * key can be reused, but a payment's reference stays unique forever, so it still cannot pay twice.
 */
public final class IdempotencyPurgeVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurgeVerticle.class);
  private final GatewayConfig config;
  private Pool pool;
  private long timer;

  public IdempotencyPurgeVerticle(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.shared(vertx, config.pg());
    IdempotentTransactions records = new IdempotentTransactions(pool);
    timer = vertx.setPeriodic(config.idempotency().purgeIntervalMs(), id ->
        records.purgeOlderThanHours(config.idempotency().retentionHours())
            .onSuccess(n -> {
              if (n > 0) {
                LOG.info("purged {} idempotency records older than {} h", n, config.idempotency().retentionHours());
              }
            })
            .onFailure(e -> LOG.warn("idempotency purge failed: {}", e.toString())));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return pool.close();
  }
}
