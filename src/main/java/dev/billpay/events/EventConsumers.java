package dev.billpay.events;

import java.util.HashMap;
import java.util.Map;

/** Kafka consumer settings shared by every consumer of the events topic. */
public final class EventConsumers {
  private EventConsumers() {}

  /**
   * Manual commits (offsets only after a batch's effects are durable) and reading from the start when
   * the group is new; consumers must be idempotent by event id.
   */
  public static Map<String, String> config(String bootstrapServers, String groupId) {
    Map<String, String> c = new HashMap<>();
    c.put("bootstrap.servers", bootstrapServers);
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
}
