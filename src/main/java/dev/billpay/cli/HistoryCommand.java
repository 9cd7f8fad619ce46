package dev.billpay.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSchema;
import dev.billpay.db.CassandraSessions;
import dev.billpay.history.HistoryRebuild;
import dev.billpay.history.HistoryRepository;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code billpay history ...}: the Cassandra payment history, a projection of the events topic. */
@Command(name = "history", description = "The payment history in Cassandra (a projection of the events topic).",
    subcommands = {HistoryCommand.Rebuild.class})
final class HistoryCommand implements Runnable {

  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  @Command(name = "rebuild", description = "Project the events topic into Cassandra again (idempotent; safe while"
      + " the gateway serves), up to the end of the topic when it starts; prints the counts as JSON.")
  static final class Rebuild implements Callable<Integer> {
    @Option(names = "--since", description = "RFC 3339 instant, e.g. 2026-01-31T00:00:00Z: start at the first"
        + " record at or after it (default: the oldest record the topic retains)")
    String since;

    @Override
    public Integer call() throws Exception {
      GatewayConfig config = ConfigLoader.load(System.getenv());
      if (!config.kafka().external() || !config.cassandra().external()) {
        System.err.println("history rebuild needs BILLPAY_KAFKA_BOOTSTRAP_SERVERS and"
            + " BILLPAY_CASSANDRA_CONTACT_POINTS");
        return 2;
      }
      Instant from;
      try {
        from = since == null ? null : Instant.parse(since);
      } catch (java.time.format.DateTimeParseException e) {
        System.err.println("--since must be an RFC 3339 instant, e.g. 2026-01-31T00:00:00Z");
        return 2;
      }
      System.out.println(run(config, from).toJson().encodePrettily());
      return 0;
    }
  }

  /** Applies the schema first (a Cassandra that lost its keyspace needs it back), then rebuilds. */
  static HistoryRebuild.Counts run(GatewayConfig config, Instant since) throws Exception {
    var c = config.cassandra();
    try (CqlSession session = CassandraSessions.open(c)) {
      CassandraSchema.apply(session, c.schemaDir(), c.keyspace(), c.replication());
      HistoryRepository history = new HistoryRepository(session, c.keyspace());
      Vertx vertx = Vertx.vertx();
      try {
        Promise<HistoryRebuild.Counts> done = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v ->
            new HistoryRebuild(vertx, config, history, since).run().onComplete(done));
        // no deadline: a rebuild reads as much of the topic as its retention holds
        return done.future().toCompletionStage().toCompletableFuture().get();
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }
}
