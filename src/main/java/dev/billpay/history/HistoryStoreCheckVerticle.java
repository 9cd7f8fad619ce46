package dev.billpay.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSchema;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a Cassandra that lost the history the projector wrote (a crash or a restore that lost the
 * keyspace or its tables): the projector committed its offsets long ago, so nothing would ever write
 * those events again. Every {@code projector.store-check-interval-ms} it looks at the schema; when a
 * history table or the schema ledger is gone, or the ledger is empty, it runs every schema file again
 * (the ledger may still list files whose tables are gone) and
 * rebuilds the history from the topic. A rebuild that fails is started again at the next check.
 */
public final class HistoryStoreCheckVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStoreCheckVerticle.class);
  private static final String TABLES_OF_KEYSPACE =
      "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?";
  private static final List<String> TABLES =
      List.of("payment_events_by_payment", "payment_history_by_account", "schema_migrations");

  private final GatewayConfig config;
  private final CqlSession session;
  private final HistoryRebuilds rebuilds;
  private long timer;
  private boolean checking;
  private boolean rebuildOwed;

  public HistoryStoreCheckVerticle(GatewayConfig config, CqlSession session, HistoryRebuilds rebuilds) {
    this.config = config;
    this.session = session;
    this.rebuilds = rebuilds;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(config.projector().storeCheckIntervalMs(), id -> check());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    // the driver's synchronous calls block: schema reads and DDL run on a worker thread
    vertx.executeBlocking(this::repairIfLost)
        .compose(repaired -> repaired || rebuildOwed ? rebuild() : Future.succeededFuture())
        .onFailure(e -> LOG.warn("history store check failed, next try in {} ms: {}",
            config.projector().storeCheckIntervalMs(), e.toString()))
        .onComplete(ar -> checking = false);
  }

  /** True if the schema was missing and has been applied again. Blocking. */
  private boolean repairIfLost() throws Exception {
    var c = config.cassandra();
    Set<String> present = new HashSet<>();
    session.execute(SimpleStatement.newInstance(TABLES_OF_KEYSPACE, c.keyspace()))
        .forEach(row -> present.add(row.getString("table_name")));
    boolean lost = !present.containsAll(TABLES) || session.execute(
        "SELECT version FROM " + c.keyspace() + ".schema_migrations LIMIT 1").one() == null;
    if (!lost) {
      return false;
    }
    LOG.warn("Cassandra lost the history store (keyspace {} has tables {}): applying the schema again and"
        + " rebuilding the history from {}", c.keyspace(), present, config.kafka().paymentEventsTopic());
    int applied = CassandraSchema.reapply(session, c.schemaDir(), c.keyspace(), c.replication());
    LOG.info("Cassandra schema applied again ({} file(s))", applied);
    rebuildOwed = true;
    return true;
  }

  private Future<Void> rebuild() {
    return rebuilds.startAndAwait(null, "store-check")
        .onSuccess(job -> rebuildOwed = !"succeeded".equals(job.getString("status"))).mapEmpty();
  }
}
