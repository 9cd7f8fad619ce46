package dev.billpay.events;

import io.vertx.core.Future;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a polled batch started on each partition, so a consumer whose batch failed can seek back and
 * read it again instead of skipping it (offsets are committed only after a batch's effects).
 */
public final class ConsumedBatch {
  private final Map<TopicPartition, Long> starts = new HashMap<>();

  public static ConsumedBatch of(KafkaConsumerRecords<String, String> records) {
    ConsumedBatch batch = new ConsumedBatch();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> r = records.recordAt(i);
      batch.starts.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    return batch;
  }

  public Future<Void> rewind(KafkaConsumer<String, String> consumer) {
    List<Future<Void>> seeks = new ArrayList<>();
    starts.forEach((tp, offset) -> seeks.add(consumer.seek(tp, offset)));
    return Future.all(seeks).mapEmpty();
  }
}
