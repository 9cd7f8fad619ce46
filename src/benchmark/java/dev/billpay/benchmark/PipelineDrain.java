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
 * Reads the gateway's pipeline backlog and waits for it to be empty: every outbox row sent to Kafka,
 * both consumer groups (history projector, webhook dispatcher) at the end of the topic and no webhook
 * delivery pending. Phases start on an empty pipeline, so one phase's backlog does not run into the
 * next one's measurements; the soak samples the same backlog as it goes.
 */
final class PipelineDrain implements AutoCloseable {
  private static final String UNSENT = "SELECT count(*) FROM outbox WHERE sent_at IS NULL";
  private static final String PENDING_DELIVERIES = "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'";
  private final Pool pool;
  private final Admin admin;
  private final String topic;
  private final String projectorGroup;
  private final String webhookGroup;

  /** The backlog at one instant; a part that could not be read is {@code Long.MAX_VALUE}. */
  record Backlog(long unsentOutbox, long projectorLag, long dispatcherLag, long pendingDeliveries) {
    /** What the webhook side has still to do: events the dispatcher has not read, deliveries not yet made. */
    long webhooks() {
      return saturatedSum(dispatcherLag, pendingDeliveries);
    }

    long total() {
      return saturatedSum(saturatedSum(unsentOutbox, projectorLag), webhooks());
    }

    private static long saturatedSum(long a, long b) {
      return a == Long.MAX_VALUE || b == Long.MAX_VALUE ? Long.MAX_VALUE : a + b;
    }
  }

  PipelineDrain(Pool pool, String bootstrap, String topic, String projectorGroup, String webhookGroup) {
    this.pool = pool;
    this.admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap,
        "request.timeout.ms", 10_000, "default.api.timeout.ms", 15_000));
    this.topic = topic;
    this.projectorGroup = projectorGroup;
    this.webhookGroup = webhookGroup;
  }

  /** Seconds until the pipeline was empty, or -1 if it was not within {@code timeoutSeconds}. */
  double await(int timeoutSeconds) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (backlog().total() == 0) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(250);
    }
    return -1;
  }

  Backlog backlog() {
    long unsent = count(UNSENT);
    long pending = count(PENDING_DELIVERIES);
    try {
      Map<TopicPartition, Long> ends = ends();
      return new Backlog(unsent, lag(projectorGroup, ends), lag(webhookGroup, ends), pending);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // unreadable: counted as a backlog below
    }
    return new Backlog(unsent, Long.MAX_VALUE, Long.MAX_VALUE, pending);
  }

  private long count(String sql) {
    try {
      return pool.query(sql).execute().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
          .iterator().next().getLong(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Long.MAX_VALUE;
    } catch (Exception e) {
      return Long.MAX_VALUE;
    }
  }

  private Map<TopicPartition, Long> ends() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private long lag(String group, Map<TopicPartition, Long> ends) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
