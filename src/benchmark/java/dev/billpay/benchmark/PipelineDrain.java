package dev.billpay.benchmark;

import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits for the gateway's pipeline to be empty: every outbox row sent to Kafka and every consumer
 * group (history projector, webhook dispatcher) at the end of the topic. Phases start on an empty
 * pipeline, so one phase's backlog does not run into the next one's measurements.
 */
final class PipelineDrain implements AutoCloseable {
  private final Pool pool;
  private final Admin admin;
  private final String topic;
  private final List<String> groups;

  PipelineDrain(Pool pool, String bootstrap, String topic, List<String> groups) {
    this.pool = pool;
    this.admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap,
        "request.timeout.ms", 10_000, "default.api.timeout.ms", 15_000));
    this.topic = topic;
    this.groups = groups;
  }

  /** Seconds until the pipeline was empty, or -1 if it was not within {@code timeoutSeconds}. */
  double await(int timeoutSeconds) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (backlog() == 0) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(250);
    }
    return -1;
  }

  /** Unsent outbox rows plus unconsumed records of every group; a failed look counts as a backlog. */
  long backlog() {
    try {
      long unsent = pool.query("SELECT count(*) FROM outbox WHERE sent_at IS NULL").execute()
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).iterator().next().getLong(0);
      return unsent + consumerLag();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Long.MAX_VALUE;
    } catch (Exception e) {
      return Long.MAX_VALUE;
    }
  }

  private long consumerLag() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
    long lag = 0;
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
      }
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
