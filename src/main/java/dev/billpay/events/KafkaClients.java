package dev.billpay.events;

import dev.billpay.config.GatewayConfig.KafkaConfig;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Kafka client of the gateway gets its settings here: the relay's and the dead-letter
 * producer, the projector's and the webhook dispatcher's consumers, and the admin client that
 * creates the topics. One place, so a setting changes once for all of them.
 */
public final class KafkaClients {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaClients.class);

  private KafkaClients() {}

  /**
   * Idempotent, acks from every in-sync replica: a record the broker acknowledged is never lost or
   * written twice by a retry. A short linger lets the relay's concurrent sends share requests.
   */
  public static Map<String, String> producerConfig(KafkaConfig kafka) {
    return Map.of(
        "bootstrap.servers", kafka.bootstrapServers(),
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "acks", "all",
        "enable.idempotence", "true",
        "linger.ms", "5",
        "max.block.ms", "5000",
        "request.timeout.ms", "5000",
        "delivery.timeout.ms", "15000",
        "compression.type", kafka.producerCompression().kafkaName());
  }

  /**
   * Manual commits (offsets only after a batch's effects are durable) and reading from the start when
   * the group is new; consumers must be idempotent by event id.
   */
  public static Map<String, String> consumerConfig(KafkaConfig kafka, String groupId) {
    Map<String, String> c = new HashMap<>();
    c.put("bootstrap.servers", kafka.bootstrapServers());
    c.put("group.id", groupId);
    c.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("enable.auto.commit", "false");
    c.put("auto.offset.reset", "earliest");
    c.put("max.poll.records", "500");
    // a member that died without leaving holds up the group's next rebalance for this long
    c.put("session.timeout.ms", "10000");
    c.put("heartbeat.interval.ms", "2000");
    return c;
  }

  /**
   * A reader outside every consumer group: it assigns partitions itself and never commits, so reading
   * the topic again from the start (a history rebuild) leaves the projector's offsets alone.
   */
  public static Map<String, String> readerConfig(KafkaConfig kafka) {
    Map<String, String> c = new HashMap<>(consumerConfig(kafka, "unused"));
    c.remove("group.id");
    return c;
  }

  public static KafkaConsumer<String, String> reader(Vertx vertx, KafkaConfig kafka) {
    return KafkaConsumer.create(vertx, readerConfig(kafka));
  }

  /** Short timeouts: the admin client runs at start-up and for readiness checks, never on a hot path. */
  public static Map<String, Object> adminConfig(KafkaConfig kafka) {
    return Map.of(
        "bootstrap.servers", kafka.bootstrapServers(),
        "request.timeout.ms", 5000,
        "default.api.timeout.ms", 10000);
  }

  /**
   * A send that fails (an expired batch while the broker is down, say) fails its own future, which
   * the caller retries; the stream's exception handler only notes it, so nothing goes unhandled.
   */
  public static KafkaProducer<String, String> producer(Vertx vertx, KafkaConfig kafka) {
    KafkaProducer<String, String> producer = KafkaProducer.create(vertx, producerConfig(kafka));
    producer.exceptionHandler(e -> LOG.debug("kafka send failed, its caller retries: {}", e.toString()));
    return producer;
  }

  public static KafkaConsumer<String, String> consumer(Vertx vertx, KafkaConfig kafka, String groupId) {
    return KafkaConsumer.create(vertx, consumerConfig(kafka, groupId));
  }
}
