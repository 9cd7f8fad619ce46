package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.GatewayConfig;
import dev.billpay.testing.Api;
import dev.billpay.testing.BlockedThreadWatch;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.TestGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec is read where it ends up: in the broker's own log segments, from the attributes of the
 * record batch that holds the payment's event (Kafka's default topic setting keeps the producer's
 * codec), so a producer that ignored the setting could not pass.
 */
@DisplayName("Kafka compression: the configured codec is the one the broker stores the events' batches with")
class KafkaCompressionIT {

  @AfterAll
  static void noBlockedThreads() {
    assertThat(BlockedThreadWatch.warnings()).as("blocked-thread warnings").isEmpty();
  }

  @ParameterizedTest(name = "kafka.producer.compression={0}")
  @ValueSource(strings = {"gzip", "zstd"})
  @DisplayName("a payment's event is in a batch compressed with the configured codec")
  void configuredCodecOnTheBroker(String codec) {
    GatewayConfig config = SharedStack.configWith(Map.of("BILLPAY_KAFKA_PRODUCER_COMPRESSION", codec));
    String paymentId;
    try (TestGateway gateway = TestGateway.start(config)) {
      Api.Response created = new Api().postPayment(Api.DEV_KEY, UUID.randomUUID().toString(), Api.paymentBody(101));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      paymentId = created.json().getString("id");
      Path topicDirs = config.embedded().dataDir().toAbsolutePath().resolve("kafka/data");
      Eventually.await(Duration.ofSeconds(30), "the event of " + paymentId + " in the broker's log",
          () -> batchHolding(topicDirs, config.kafka().paymentEventsTopic(), paymentId).isPresent());
      CompressionType stored = batchHolding(topicDirs, config.kafka().paymentEventsTopic(), paymentId).orElseThrow();
      assertThat(stored.name).isEqualTo(codec);
    }
  }

  /** The compression attribute of the batch whose records include one keyed by the payment id. */
  private static Optional<CompressionType> batchHolding(Path kafkaData, String topic, String key) {
    ByteBuffer wanted = ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> dirs = Files.list(kafkaData)) {
      List<Path> segments = dirs.filter(d -> d.getFileName().toString().matches(java.util.regex.Pattern.quote(topic)
              + "-\\d+"))
          .flatMap(KafkaCompressionIT::logSegments).toList();
      for (Path segment : segments) {
        // read-only: the broker is still appending to its active segment
        try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
          for (FileChannelRecordBatch batch : records.batches()) {
            for (Record r : batch) {
              if (r.hasKey() && r.key().equals(wanted)) {
                return Optional.of(batch.compressionType());
              }
            }
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> logSegments(Path partitionDir) {
    try (Stream<Path> files = Files.list(partitionDir)) {
      return files.filter(f -> f.toString().endsWith(".log")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
