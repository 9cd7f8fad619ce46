package dev.billpay.history;

import dev.billpay.config.GatewayConfig;
import dev.billpay.events.ConsumedBatch;
import dev.billpay.events.KafkaClients;
import dev.billpay.observability.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects payment events from Kafka into Cassandra history. Offsets are committed only after every
 * write of the polled batch succeeded; on failure the consumer seeks back to the batch start and
 * retries, so nothing is skipped and idempotent writes make the retry harmless.
 */
public final class HistoryProjectorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryProjectorVerticle.class);

  private final GatewayConfig config;
  private static final long MEASURE_EVERY_MS = 5_000;
  private final HistoryRepository history;
  private final GatewayMetrics metrics;
  private final AfterWindow afterWindow;
  private long measureTimer;
  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> deadLetters;
  private boolean stopped;
  /** Records of the uncommitted batch already on the dead-letter topic ("partition@offset"). */
  private final java.util.Set<String> deadLettered = new java.util.HashSet<>();

  /**
   * Runs after each window of Cassandra writes, before the batch's offsets are committed. The seam
   * through which a test kills the projector in the middle of a batch; a no-op otherwise.
   */
  @FunctionalInterface
  public interface AfterWindow {
    Future<Void> apply(int written, int batchSize);
  }

  public HistoryProjectorVerticle(GatewayConfig config, HistoryRepository history, GatewayMetrics metrics) {
    this(config, history, metrics, (written, batchSize) -> Future.succeededFuture());
  }

  public HistoryProjectorVerticle(GatewayConfig config, HistoryRepository history, GatewayMetrics metrics,
      AfterWindow afterWindow) {
    this.config = config;
    this.history = history;
    this.metrics = metrics;
    this.afterWindow = afterWindow;
  }

  @Override
  public Future<?> start() {
    consumer = KafkaClients.consumer(vertx, config.kafka(), config.projector().groupId());
    deadLetters = KafkaClients.producer(vertx, config.kafka());
    measureTimer = vertx.setPeriodic(MEASURE_EVERY_MS, id -> measureLag());
    return consumer.subscribe(config.kafka().paymentEventsTopic()).onSuccess(v -> vertx.runOnContext(x -> pollLoop()));
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(measureTimer);
    return consumer.close().eventually(() -> deadLetters.close());
  }

  private void pollLoop() {
    if (stopped) {
      return;
    }
    consumer.poll(Duration.ofMillis(500))
        .compose(this::project)
        .onComplete(ar -> {
          if (stopped) {
            return;
          }
          if (ar.failed()) {
            LOG.warn("history projection failed, retrying in {} ms: {}", config.projector().retryDelayMs(),
                ar.cause().toString());
            vertx.setTimer(config.projector().retryDelayMs(), id -> pollLoop());
          } else {
            vertx.runOnContext(v -> pollLoop());
          }
        });
  }

  private Future<Void> project(KafkaConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    ConsumedBatch batch = ConsumedBatch.of(records);
    List<ProjectedEvent> events = new ArrayList<>(records.size());
    List<Future<?>> parked = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> r = records.recordAt(i);
      try {
        ProjectedEvent.parse(r.value()).ifPresent(events::add);
      } catch (IllegalArgumentException e) {
        String where = r.partition() + "@" + r.offset();
        // a batch retried (Cassandra down) reads its poison records again: they are parked once
        if (!deadLettered.contains(where)) {
          parked.add(deadLetter(r, e).onSuccess(x -> deadLettered.add(where)));
        }
      }
    }
    return Future.all(parked).compose(v -> history.writeInWindows(events, config.projector().maxInFlight(), context,
        written -> afterWindow.apply(written, events.size())))
        .onSuccess(v -> metrics.projected(events.size()))
        .compose(v -> consumer.commit())
        .onSuccess(v -> deadLettered.clear())
        .recover(failure -> batch.rewind(consumer).compose(v -> Future.failedFuture(failure)));
  }

  /**
   * A record that can never be projected goes to the dead-letter topic with the error and its origin,
   * so it cannot block its partition; it counts as handled only once the broker has it.
   */
  private Future<?> deadLetter(KafkaConsumerRecord<String, String> r, IllegalArgumentException error) {
    metrics.deadLettered();
    LOG.error("unprocessable record {}-{}@{} sent to {}: {}", r.topic(), r.partition(), r.offset(),
        config.kafka().deadLetterTopic(), error.getMessage());
    return deadLetters.send(KafkaProducerRecord.create(config.kafka().deadLetterTopic(), r.key(), r.value())
        .addHeader("x-error", String.valueOf(error.getMessage()))
        .addHeader("x-source-topic", r.topic())
        .addHeader("x-source-partition", Integer.toString(r.partition()))
        .addHeader("x-source-offset", Long.toString(r.offset())));
  }


  /** Lag of this instance's partitions: end offsets minus the consumer's positions. */
  private void measureLag() {
    consumer.assignment().compose(partitions -> {
      if (partitions.isEmpty()) {
        return Future.succeededFuture(0L);
      }
      return consumer.endOffsets(partitions).compose(ends -> {
        List<Future<Long>> lags = new ArrayList<>();
        ends.forEach((tp, end) -> lags.add(consumer.position(tp).map(pos -> Math.max(0, end - pos))));
        return Future.all(lags).map(all -> lags.stream().mapToLong(Future::result).sum());
      });
    }).onSuccess(metrics::projectorLag).onFailure(e -> LOG.debug("projector lag not measured: {}", e.toString()));
  }

}
