package dev.billpay.db;

import dev.billpay.config.GatewayConfig.PgConfig;
import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;

/** Flyway migrations from classpath:db/migration. Blocking JDBC: call from a worker thread only. */
public final class PostgresMigrations {
  private PostgresMigrations() {}

  public static int migrate(PgConfig pg) {
    PgConnectOptions o = PgPools.connectOptions(pg);
    String jdbcUrl = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
    return Flyway.configure()
        .dataSource(jdbcUrl, o.getUser(), o.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
