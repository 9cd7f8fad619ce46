package dev.billpay.events;

import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import dev.billpay.observability.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka and marks them sent only after the broker acknowledged
 * every record of the batch (at least once; consumers deduplicate by event id). Woken in process when
 * a transaction of this process commits events ({@link OutboxCommits}); events committed by another
 * process are found by polling, which starts again at a few milliseconds after each batch that sent
 * anything and slows down to the poll interval while nothing comes. Several relays can run at once:
 * batches are claimed with FOR UPDATE SKIP LOCKED. Sent rows are purged after the retention period.
 */
public final class OutboxRelayVerticle extends VerticleBase {
  /** The first idle poll after a batch; each empty poll doubles the wait up to the poll interval. */
  private static final long FIRST_IDLE_POLL_MS = 5;
  private static final long PURGE_EVERY_MS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayVerticle.class);

  private static final long MEASURE_EVERY_MS = 5_000;
  private final GatewayConfig config;
  private final GatewayMetrics metrics;
  private long measureTimer;
  private Pool pool;
  private KafkaProducer<String, String> producer;
  private MessageConsumer<Void> commits;
  private long idlePollMs = FIRST_IDLE_POLL_MS;
  private long purgeTimer;
  private boolean running;
  private boolean wakeRequested;
  private boolean stopped;
  private long timerId = -1;
  private int consecutiveFailures;

  /**
   * The mark is the one commit here that need not wait for fsync: a mark lost in a crash only makes
   * the batch go out again, which consumers already absorb (they deduplicate by event id). The
   * payment's own transaction always commits synchronously.
   */
  private static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF";
  private final AfterSend afterSend;

  /**
   * Runs after Kafka acknowledged a batch and before the batch is marked sent. Only tests use it: a
   * failing step rolls the transaction back exactly as a relay killed at that point would.
   */
  @FunctionalInterface
  public interface AfterSend {
    Future<Void> apply(List<OutboxRepository.OutboxRow> batch);
  }

  public OutboxRelayVerticle(GatewayConfig config, GatewayMetrics metrics) {
    this(config, metrics, batch -> Future.succeededFuture());
  }

  public OutboxRelayVerticle(GatewayConfig config, GatewayMetrics metrics, AfterSend afterSend) {
    this.config = config;
    this.metrics = metrics;
    this.afterSend = afterSend;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.shared(vertx, config.pg());
    producer = KafkaClients.producer(vertx, config.kafka());
    commits = vertx.eventBus().localConsumer(OutboxCommits.ADDRESS, message -> wake());
    purgeTimer = vertx.setPeriodic(PURGE_EVERY_MS, id -> purgeSent());
    measureTimer = vertx.setPeriodic(MEASURE_EVERY_MS, id -> measureBacklog());
    wake();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    vertx.cancelTimer(purgeTimer);
    vertx.cancelTimer(measureTimer);
    return commits.unregister().eventually(() -> producer.close()).eventually(() -> pool.close());
  }

  private void wake() {
    if (running) {
      wakeRequested = true;
      return;
    }
    if (stopped) {
      return;
    }
    running = true;
    vertx.cancelTimer(timerId);
    relayBatch().onComplete(ar -> {
      running = false;
      long delay;
      if (ar.failed()) {
        consecutiveFailures++;
        delay = Math.min(10_000L, config.outbox().pollIntervalMs() * (1L << Math.min(consecutiveFailures, 5)));
        LOG.warn("outbox relay failed ({} in a row), retrying in {} ms: {}", consecutiveFailures, delay,
            ar.cause().toString());
      } else {
        consecutiveFailures = 0;
        // after a batch that sent anything, look again at once: a full batch leaves more behind, and
        // each key's next event becomes claimable only now that its predecessor is marked
        boolean more = ar.result() > 0 || wakeRequested;
        delay = more ? 0 : nextIdlePoll();
      }
      wakeRequested = false;
      if (stopped) {
        return;
      }
      if (delay == 0) {
        vertx.runOnContext(v -> wake());
      } else {
        timerId = vertx.setTimer(delay, id -> wake());
      }
    });
  }

  /** After a batch that sent anything the next empty poll waits briefly again. */
  private long nextIdlePoll() {
    long delay = idlePollMs;
    idlePollMs = Math.min(config.outbox().pollIntervalMs(), idlePollMs * 2);
    return delay;
  }

  /** One claimed batch, sent and marked in the same transaction; answers how many rows it relayed. */
  private Future<Integer> relayBatch() {
    return pool.withTransaction(conn -> conn.query(ASYNC_COMMIT).execute()
        .compose(v -> OutboxRepository.claim(conn, config.outbox().batchSize())).compose(rows -> {
      if (rows.isEmpty()) {
        return Future.succeededFuture(0);
      }
      idlePollMs = FIRST_IDLE_POLL_MS;
      List<Future<?>> acks = new ArrayList<>(rows.size());
      String topic = config.kafka().paymentEventsTopic();
      for (OutboxRepository.OutboxRow row : rows) {
        acks.add(producer.send(KafkaProducerRecord.create(topic, row.key(), row.payload())));
      }
      return Future.all(acks).compose(all -> afterSend.apply(rows))
          .compose(v -> OutboxRepository.markSent(conn, rows)).map(v -> {
        metrics.published(rows.size());
        return rows.size();
      });
    }));
  }

  private void measureBacklog() {
    OutboxRepository.backlog(pool).onSuccess(b -> metrics.outbox(b[0], b[1]))
        .onFailure(e -> LOG.debug("outbox backlog not measured: {}", e.toString()));
  }

  private void purgeSent() {
    OutboxRepository.purgeSent(pool, config.outbox().retentionHours())
        .onFailure(e -> LOG.warn("outbox purge failed: {}", e.toString()));
  }

}
