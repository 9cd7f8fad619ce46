package dev.billpay.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSchema;
import dev.billpay.events.KafkaClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a Cassandra that lost the history the projector wrote (a crash or a restore that lost the
 * keyspace, its tables or its latest rows): the projector committed its offsets long ago, so nothing
 * would ever write those events again. Every {@code projector.store-check-interval-ms} it looks at the
 * schema; when a history table or the schema ledger is gone, or the ledger is empty, it runs every schema
 * file again (the ledger may still list files whose tables are gone) and rebuilds the history from the
 * topic. With the schema intact, it reads the last record the projector committed on each partition:
 * a payment event that is not in the store means rows behind the committed offsets are gone (a truncate,
 * a restore from an older backup), and it rebuilds too. Older rows lost in the middle are not noticed
 * this way; {@code billpay history rebuild} is for those. A rebuild that fails is started again at the
 * next check.
 */
public final class HistoryStoreCheckVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStoreCheckVerticle.class);
  private static final String TABLES_OF_KEYSPACE =
      "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?";
  private static final List<String> TABLES =
      List.of("payment_events_by_payment", "payment_history_by_account", "resource_events_by_resource",
          "schema_migrations");

  private static final String EVENT_ROW = "SELECT event_id FROM %s.payment_events_by_payment"
      + " WHERE payment_id = ? AND occurred_at = ? AND event_id = ?";

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
      Optional<String> missing = lastProjectedMissing();
      if (missing.isEmpty()) {
        return false;
      }
      LOG.warn("Cassandra lost history rows behind the projector's committed offsets ({} is not in {}): rebuilding"
          + " the history from {}", missing.get(), c.keyspace(), config.kafka().paymentEventsTopic());
      rebuildOwed = true;
      return true;
    }
    LOG.warn("Cassandra lost the history store (keyspace {} has tables {}): applying the schema again and"
        + " rebuilding the history from {}", c.keyspace(), present, config.kafka().paymentEventsTopic());
    int applied = CassandraSchema.reapply(session, c.schemaDir(), c.keyspace(), c.replication());
    LOG.info("Cassandra schema applied again ({} file(s))", applied);
    rebuildOwed = true;
    return true;
  }

  /**
   * The id of the last payment event the projector committed on some partition, if the store does not
   * hold it. Records that are not payment events (or that the projector parked as poison) prove nothing
   * and are passed over. Blocking.
   */
  private Optional<String> lastProjectedMissing() throws Exception {
    String topic = config.kafka().paymentEventsTopic();
    Map<TopicPartition, OffsetAndMetadata> committed;
    try (Admin admin = Admin.create(KafkaClients.adminConfig(config.kafka()))) {
      committed = admin.listConsumerGroupOffsets(config.projector().groupId()).partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS);
    }
    Map<String, Object> reader = new HashMap<>(KafkaClients.readerConfig(config.kafka()));
    reader.put("max.poll.records", "1");
    var row = session.prepare(String.format(EVENT_ROW, config.cassandra().keyspace()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(reader)) {
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
        if (!e.getKey().topic().equals(topic) || e.getValue() == null || e.getValue().offset() < 1) {
          continue;
        }
        Optional<HistoryEvent> last = recordAt(consumer, e.getKey(), e.getValue().offset() - 1);
        if (last.isPresent() && session.execute(row.bind(last.get().paymentId(), last.get().occurredAt(),
            last.get().eventId())).one() == null) {
          return Optional.of(last.get().eventId());
        }
      }
    }
    return Optional.empty();
  }

  /** The payment event at {@code offset}; empty if it is gone from the topic or is not a payment event. */
  private static Optional<HistoryEvent> recordAt(KafkaConsumer<String, String> consumer, TopicPartition partition,
      long offset) {
    consumer.assign(List.of(partition));
    consumer.seek(partition, offset);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.offset() != offset || r.value() == null) {
          return Optional.empty();
        }
        try {
          return HistoryEvent.parse(r.value());
        } catch (IllegalArgumentException poison) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private Future<Void> rebuild() {
    return rebuilds.startAndAwait(null, "store-check")
        .onSuccess(job -> rebuildOwed = !"succeeded".equals(job.getString("status"))).mapEmpty();
  }
}
