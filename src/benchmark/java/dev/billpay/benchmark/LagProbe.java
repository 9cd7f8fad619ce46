package dev.billpay.benchmark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Pipeline lag after the fact: an event's {@code time} is the instant the gateway accepted the
 * payment (its transaction commits right after, before the 201). Kafka keeps the instant the relay
 * produced the record (CreateTime) and Cassandra the instant of each write (writetime), so both lags
 * can be read once the load is over, without adding work to the measured windows.
 */
final class LagProbe {
  private static final String CREATED = "billpay.payment.created";

  /** Accepted (event time) and reached Kafka (record timestamp), both in epoch milliseconds. */
  record KafkaLag(long acceptedMillis, long lagMillis) {}

  /** Lag of each payment whose created event Cassandra holds; ids without one are counted as missing. */
  record CassandraLag(long[] lagMillis, int missing) {}

  private LagProbe() {}

  /** Every payment-created event on the topic, read from the beginning to the current end. */
  static List<KafkaLag> kafka(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    p.put("enable.auto.commit", "false");
    p.put("max.poll.records", "5000");
    List<KafkaLag> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!reached(consumer, ends) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          JsonObject event = new JsonObject(r.value());
          if (CREATED.equals(event.getString("type"))) {
            long accepted = Instant.parse(event.getString("time")).toEpochMilli();
            out.add(new KafkaLag(accepted, r.timestamp() - accepted));
          }
        }
      }
    }
    return out;
  }

  private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Lags of the events between {@code fromMillis} (inclusive) and {@code toMillis} (exclusive). */
  static long[] within(List<KafkaLag> lags, long fromMillis, long toMillis) {
    return lags.stream().filter(l -> l.acceptedMillis() >= fromMillis && l.acceptedMillis() < toMillis)
        .mapToLong(KafkaLag::lagMillis).toArray();
  }

  /** writetime(payload) of each payment's created event minus the event's time, waiting for late ones. */
  static Map<String, CassandraLag> cassandra(CqlSession session, String keyspace, Map<String, List<String>> samples,
      Duration waitForLate) {
    PreparedStatement select = session.prepare("SELECT event_type, occurred_at, writetime(payload) FROM " + keyspace
        + ".payment_events_by_payment WHERE payment_id = ?");
    long deadline = System.nanoTime() + waitForLate.toNanos();
    Map<String, CassandraLag> out = new HashMap<>();
    samples.forEach((phase, ids) -> {
      List<Long> lags = new ArrayList<>();
      int missing = 0;
      for (String id : ids) {
        Long lag = lagOf(session, select, id, deadline);
        if (lag == null) {
          missing++;
        } else {
          lags.add(lag);
        }
      }
      out.put(phase, new CassandraLag(lags.stream().mapToLong(Long::longValue).toArray(), missing));
    });
    return out;
  }

  private static Long lagOf(CqlSession session, PreparedStatement select, String id, long deadline) {
    while (true) {
      for (Row row : session.execute(select.bind(id))) {
        if (CREATED.equals(row.getString(0))) {
          return row.getLong(2) / 1000 - row.getInstant(1).toEpochMilli();
        }
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
