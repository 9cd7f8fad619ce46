package dev.billpay.db;

import dev.billpay.config.GatewayConfig.PgConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The one named, shared PostgreSQL pool: every verticle instance gets a handle on the same pool. */
public final class PgPools {
  public static final String POOL_NAME = "billpay-pg";

  private PgPools() {}

  public static PgConnectOptions connectOptions(PgConfig pg) {
    PgConnectOptions options = PgConnectOptions.fromUri(pg.url());
    if (!pg.user().isEmpty()) {
      options.setUser(pg.user());
    }
    if (!pg.password().isEmpty()) {
      options.setPassword(pg.password());
    }
    return options.setCachePreparedStatements(true).setPipeliningLimit(256);
  }

  public static Pool shared(Vertx vertx, PgConfig pg) {
    PoolOptions poolOptions = new PoolOptions()
        .setShared(true)
        .setName(POOL_NAME)
        .setMaxSize(pg.poolSize())
        .setMaxWaitQueueSize(10_000)
        .setConnectionTimeout(5)
        .setIdleTimeout(60);
    return PgBuilder.pool().with(poolOptions).connectingTo(connectOptions(pg)).using(vertx).build();
  }
}
