package dev.billpay.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The codec the gateway's producers compress record batches with ({@code kafka.producer.compression}).
 * Consumers must be able to read it: Java and librdkafka clients read every codec, kafkajs only
 * gzip unless a codec plugin is registered (docs/events.md).
 */
public enum KafkaCompression {
  NONE,
  GZIP,
  SNAPPY,
  LZ4,
  ZSTD;

  /** The value of the Kafka producer's {@code compression.type}. */
  public String kafkaName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static KafkaCompression read(ConfigReader r, String path) {
    String value = r.string(path).toLowerCase(Locale.ROOT);
    for (KafkaCompression c : values()) {
      if (c.kafkaName().equals(value)) {
        return c;
      }
    }
    r.problem(path, "expected one of " + Arrays.stream(values()).map(KafkaCompression::kafkaName)
        .collect(Collectors.joining(", ")) + ", got '" + value + "'");
    return LZ4;
  }
}
