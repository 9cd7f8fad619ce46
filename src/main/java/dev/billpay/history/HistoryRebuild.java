package dev.billpay.history;

import dev.billpay.config.GatewayConfig;
import dev.billpay.events.KafkaClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the events topic into Cassandra again, from its beginning (or from the first record at or
 * after {@code since}) up to the end offsets it found when it started. The history is a projection of
 * the topic, so after Cassandra lost rows this puts back every event the topic still retains. It reads
 * with a consumer of its own that belongs to no group and commits nothing, and writes through the
 * projector's idempotent inserts, so it runs while the projector and the API serve, and running it twice
 * shows no event twice. Unparseable records are counted and skipped: the projector already parked them.
 */
public final class HistoryRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryRebuild.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** What a rebuild did: records read below the end offsets, events written, records it could not parse. */
  public record Counts(long read, long written, long unparseable) {
    public JsonObject toJson() {
      return new JsonObject().put("events_read", read).put("events_written", written)
          .put("unparseable_skipped", unparseable);
    }
  }

  private final Vertx vertx;
  private final GatewayConfig config;
  private final HistoryRepository history;
  private final Instant since;
  private KafkaConsumer<String, String> reader;
  private Map<TopicPartition, Long> ends;
  private Context context;
  private long read;
  private long written;
  private long unparseable;

  /** {@code since} null reads the topic from the beginning of its retention. */
  public HistoryRebuild(Vertx vertx, GatewayConfig config, HistoryRepository history, Instant since) {
    this.vertx = vertx;
    this.config = config;
    this.history = history;
    this.since = since;
  }

  /** Runs once, on the caller's context (or a new one off Vert.x threads); the reader is closed at the end. */
  public Future<Counts> run() {
    context = vertx.getOrCreateContext();
    String topic = config.kafka().paymentEventsTopic();
    reader = KafkaClients.reader(vertx, config.kafka());
    return reader.partitionsFor(topic)
        .map(infos -> infos.stream().map(i -> new TopicPartition(topic, i.getPartition())).collect(Collectors.toSet()))
        .compose(partitions -> reader.assign(partitions).compose(v -> reader.endOffsets(partitions))
            .compose(found -> {
              ends = new HashMap<>(found);
              LOG.info("history rebuild from {} up to end offsets {}", since == null ? "the beginning" : since, ends);
              return seekToStart(partitions);
            }))
        .compose(v -> readUntilEnds())
        .map(v -> new Counts(read, written, unparseable))
        .eventually(() -> reader.close());
  }

  private Future<Void> seekToStart(Set<TopicPartition> partitions) {
    if (since == null) {
      return reader.seekToBeginning(partitions);
    }
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(tp -> times.put(tp, since.toEpochMilli()));
    return reader.offsetsForTimes(times).compose(offsets -> {
      List<Future<Void>> seeks = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        var found = offsets.get(tp);
        // no record at or after since on this partition: nothing to read there
        seeks.add(reader.seek(tp, found == null ? ends.get(tp) : found.getOffset()));
      }
      return Future.all(seeks).mapEmpty();
    });
  }

  private Future<Void> readUntilEnds() {
    return reachedEnds().compose(done -> done ? Future.succeededFuture()
        : reader.poll(POLL).compose(this::project).compose(v -> readUntilEnds()));
  }

  /** True once every partition's position is at or past the end offset it had when the rebuild started. */
  private Future<Boolean> reachedEnds() {
    List<Future<Boolean>> each = new ArrayList<>();
    ends.forEach((tp, end) -> each.add(reader.position(tp).map(pos -> pos >= end)));
    return Future.all(each).map(all -> each.stream().allMatch(Future::result));
  }

  private Future<Void> project(KafkaConsumerRecords<String, String> records) {
    List<ProjectedEvent> events = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> r = records.recordAt(i);
      Long end = ends.get(new TopicPartition(r.topic(), r.partition()));
      if (end == null || r.offset() >= end) {
        continue; // newer than the rebuild: the projector writes it
      }
      read++;
      try {
        ProjectedEvent.parse(r.value()).ifPresent(events::add);
      } catch (IllegalArgumentException e) {
        unparseable++;
      }
    }
    // windows of max-in-flight concurrent writes, as the projector writes
    long before = written;
    return history.writeInWindows(events, config.projector().maxInFlight(), context, n -> {
      written = before + n;
      return Future.succeededFuture();
    });
  }

}
