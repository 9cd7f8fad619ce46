package dev.billpay.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSchema;
import dev.billpay.db.CassandraSessions;
import dev.billpay.db.PostgresMigrations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Applies the PostgreSQL migrations and the Cassandra schema to the configured servers, then exits. */
@Command(name = "migrate", description = "Apply PostgreSQL migrations and the Cassandra schema, then exit.")
final class MigrateCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    if (!config.pg().external() || !config.cassandra().external()) {
      System.err.println("migrate needs BILLPAY_PG_URL and BILLPAY_CASSANDRA_CONTACT_POINTS"
          + " (the embedded stack migrates itself at start)");
      return 2;
    }
    System.out.println("PostgreSQL: " + PostgresMigrations.migrate(config.pg()) + " migration(s) applied");
    var c = config.cassandra();
    try (CqlSession session = CassandraSessions.open(c)) {
      System.out.println("Cassandra: " + CassandraSchema.apply(session, c.schemaDir(), c.keyspace(), c.replication())
          + " schema file(s) applied");
    }
    return 0;
  }
}
