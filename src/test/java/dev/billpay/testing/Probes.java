package dev.billpay.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSessions;
import dev.billpay.db.PgPools;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Looks at the real servers directly (JDBC, a CQL session, a plain Kafka consumer) to check effects. */
public final class Probes {
  private static CqlSession cql;

  private Probes() {}

  public static long pgLong(String sql, Object... params) {
    GatewayConfig c = SharedStack.config();
    PgConnectOptions o = PgPools.connectOptions(c.pg());
    String url = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
    try (Connection conn = DriverManager.getConnection(url, o.getUser(), o.getPassword());
        PreparedStatement st = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized CqlSession cassandra() {
    if (cql == null) {
      cql = CassandraSessions.open(SharedStack.config().cassandra());
    }
    return cql;
  }

  /** How many history rows Cassandra holds for the payment (each event must appear exactly once). */
  public static long cassandraEvents(String paymentId) {
    String ks = SharedStack.config().cassandra().keyspace();
    return cassandra().execute("SELECT count(*) FROM " + ks + ".payment_events_by_payment WHERE payment_id = ?",
        paymentId).one().getLong(0);
  }

  /** Reads the whole events topic from the beginning with a fresh group; returns the events whose subject is wanted. */
  public static List<JsonObject> topicEvents(Set<String> subjects, int expected, Duration timeout) {
    GatewayConfig c = SharedStack.config();
    Properties p = new Properties();
    p.put("bootstrap.servers", c.kafka().bootstrapServers());
    p.put("group.id", "it-probe-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    p.put("enable.auto.commit", "false");
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    List<JsonObject> found = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(c.kafka().paymentEventsTopic()));
      while (found.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (subjects.contains(r.key())) {
            JsonObject event = new JsonObject(r.value());
            found.add(event.put("_kafka_key", r.key()));
          }
        }
      }
    }
    return found;
  }


  /** Records on the events topic not yet committed by the history projector's group (its lag). */
  public static long projectorLag() {
    return groupLag(SharedStack.config().projector().groupId());
  }

  /** Records on the events topic not yet committed by a consumer group. */
  public static long groupLag(String groupId) {
    GatewayConfig c = SharedStack.config();
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        java.util.Map.of("bootstrap.servers", c.kafka().bootstrapServers()))) {
      var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
          new java.util.HashMap<>();
      for (int p = 0; p < c.kafka().partitions(); p++) {
        latest.put(new org.apache.kafka.common.TopicPartition(c.kafka().paymentEventsTopic(), p),
            org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      long lag = 0;
      for (var e : admin.listOffsets(latest).all().get(10, java.util.concurrent.TimeUnit.SECONDS).entrySet()) {
        var done = committed.get(e.getKey());
        lag += e.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A gauge or counter of the test gateway's /metrics page (the first series of that name). */
  public static double metric(String name) {
    for (String line : new Api().get(null, "/metrics").body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no metric " + name);
  }

  /** Sends raw records to Kafka, as a faulty or repeating producer would, and waits for each acknowledgement. */
  @SafeVarargs
  public static void produce(org.apache.kafka.clients.producer.ProducerRecord<String, String>... records) {
    Properties p = new Properties();
    p.put("bootstrap.servers", SharedStack.config().kafka().bootstrapServers());
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
      for (var record : records) {
        producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to Kafka", e);
    }
  }
}
