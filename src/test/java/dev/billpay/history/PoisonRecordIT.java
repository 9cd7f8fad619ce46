package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A poison record goes to the dead-letter topic and its partition keeps flowing")
class PoisonRecordIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("unparseable records on every partition are parked with their error, and later events are projected")
  void poison() throws Exception {
    var kafka = SharedStack.config().kafka();
    String marker = "poison-" + UUID.randomUUID();
    poisonEveryPartition(marker);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(321)).json().getString("id"));
    }
    Eventually.await(Duration.ofSeconds(90), "payments after the poison projected",
        () -> ids.stream().allMatch(id -> Probes.cassandraEvents(id) == 1));

    List<ConsumerRecord<String, String>> parked = readDeadLetters(kafka.bootstrapServers(), kafka.deadLetterTopic(),
        marker, kafka.partitions());
    assertThat(parked).hasSize(kafka.partitions());
    ConsumerRecord<String, String> first = parked.get(0);
    assertThat(first.value()).isEqualTo("{not json");
    assertThat(new String(first.headers().lastHeader("x-error").value(), StandardCharsets.UTF_8)).isNotBlank();
    assertThat(new String(first.headers().lastHeader("x-source-topic").value(), StandardCharsets.UTF_8))
        .isEqualTo(kafka.paymentEventsTopic());
  }

  @Test
  @DisplayName("poison records read again while Cassandra is down (the batch is retried) are parked once")
  void parkedOnce() throws Exception {
    var kafka = SharedStack.config().kafka();
    String marker = "poison-retried-" + UUID.randomUUID();
    var cassandra = SharedStack.stack().cassandra();
    cassandra.stop();
    String id;
    try {
      // a payment whose history write fails until Cassandra is back: its batch is retried again and again
      id = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(654)).json().getString("id");
      Eventually.await(Duration.ofSeconds(60), "the payment's event on the topic, ahead of the poison",
          () -> Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ? AND sent_at IS NULL", id) == 0);
      // poison behind it on every partition: read again with every retry of the batch
      poisonEveryPartition(marker);
      assertThat(readDeadLetters(kafka.bootstrapServers(), kafka.deadLetterTopic(), marker, kafka.partitions()))
          .hasSize(kafka.partitions());
    } finally {
      cassandra.start();
    }
    Eventually.await(Duration.ofSeconds(90), "the payment projected once Cassandra is back",
        () -> Probes.cassandraEvents(id) == 1);
    assertThat(readDeadLetters(kafka.bootstrapServers(), kafka.deadLetterTopic(), marker, kafka.partitions() + 1,
        Duration.ofSeconds(10))).as("each poison record parked once, whatever the retries").hasSize(kafka.partitions());
  }

  /** An unparseable record keyed {@code marker} on every partition of the events topic. */
  private static void poisonEveryPartition(String marker) throws Exception {
    var kafka = SharedStack.config().kafka();
    for (int partition = 0; partition < kafka.partitions(); partition++) {
      Probes.produce(new ProducerRecord<>(kafka.paymentEventsTopic(), partition, marker, "{not json"));
    }
  }

  private static List<ConsumerRecord<String, String>> readDeadLetters(String bootstrap, String topic, String key,
      int expected) {
    return readDeadLetters(bootstrap, topic, key, expected, Duration.ofSeconds(60));
  }

  /** Reads until {@code expected} records with the key are found or the time is up. */
  private static List<ConsumerRecord<String, String>> readDeadLetters(String bootstrap, String topic, String key,
      int expected, Duration timeout) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", "it-dlq-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      while (found.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(r.key())) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }
}
