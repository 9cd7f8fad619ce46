package dev.billpay.faults;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.CassandraSessions;
import dev.billpay.db.PgPools;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the suite promises, checked against the servers themselves once the load has stopped: every
 * acknowledged payment is one row in PostgreSQL with its amount, no payment exists that no client was
 * answered, every event the outbox holds for them reached the topic (duplicates counted, allowed), every
 * one of those events is exactly once in the Cassandra history, and each clearing cut-off was run once.
 */
final class Verification {
  private static final Duration PIPELINE_WAIT = Duration.ofMinutes(3);
  private final GatewayConfig config;
  private final String clientId;
  private final List<RetryingClients.Payment> sent;
  private final List<Check> checks = new ArrayList<>();
  private final Map<String, Long> figures = new java.util.LinkedHashMap<>();

  /** One promise and whether it held, with the numbers behind it. */
  record Check(String promise, boolean held, String detail) {}

  Verification(GatewayConfig config, String clientId, List<RetryingClients.Payment> sent) {
    this.config = config;
    this.clientId = clientId;
    this.sent = sent;
  }

  List<Check> checks() {
    return List.copyOf(checks);
  }

  Map<String, Long> figures() {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
  }

  private void check(String promise, boolean held, String detail) {
    checks.add(new Check(promise, held, detail));
  }

  void run(Instant runStart, List<GatewayProcess> processes, WebhookSink webhooks) throws Exception {
    List<RetryingClients.Payment> acked = sent.stream().filter(RetryingClients.Payment::acknowledged).toList();
    figures.put("payments sent", (long) sent.size());
    figures.put("payments acknowledged", (long) acked.size());
    check("every payment sent was acknowledged (clients retried until answered 2xx)", acked.size() == sent.size(),
        (sent.size() - acked.size()) + " not acknowledged" + examples(sent.stream()
            .filter(p -> !p.acknowledged()).map(p -> p.key).toList()));
    try (Connection pg = connect()) {
      awaitOutboxDrained(pg);
      checkRows(pg, acked);
      Map<String, Set<String>> outbox = outboxEvents(pg);
      Map<String, Map<String, Integer>> topic = topicEvents(acked, true);
      checkTopic(acked, outbox, topic);
      checkHistory(acked, outbox);
      checkWebhooks(outbox, webhooks);
      checkClearing(pg, runStart, processes);
    }
  }

  private Connection connect() throws SQLException {
    PgConnectOptions o = PgPools.connectOptions(config.pg());
    return DriverManager.getConnection("jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase(),
        o.getUser(), o.getPassword());
  }

  private void awaitOutboxDrained(Connection pg) throws Exception {
    long deadline = System.nanoTime() + PIPELINE_WAIT.toNanos();
    long unsent;
    do {
      unsent = count(pg, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
      if (unsent == 0) {
        break;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    check("the outbox drained to Kafka after the last fault", unsent == 0, unsent + " unsent outbox rows");
  }

  private void checkRows(Connection pg, List<RetryingClients.Payment> acked) throws SQLException {
    Map<String, List<String[]>> rowsByReference = new HashMap<>();
    try (var st = pg.prepareStatement("SELECT id, reference, amount FROM payments WHERE client_id = ?")) {
      st.setString(1, clientId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rowsByReference.computeIfAbsent(rs.getString(2), r -> new ArrayList<>())
              .add(new String[] {rs.getString(1), Long.toString(rs.getLong(3))});
        }
      }
    }
    long rows = rowsByReference.values().stream().mapToLong(List::size).sum();
    figures.put("payment rows in PostgreSQL", rows);
    List<String> missing = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Set<String> ackedKeys = new HashSet<>();
    for (RetryingClients.Payment p : acked) {
      ackedKeys.add(p.key);
      List<String[]> found = rowsByReference.getOrDefault(p.key, List.of());
      if (found.isEmpty()) {
        missing.add(p.key);
      } else if (found.size() > 1 || !found.get(0)[0].equals(p.ackId)
          || Long.parseLong(found.get(0)[1]) != p.amount) {
        wrong.add(p.key);
      }
    }
    List<String> phantoms = rowsByReference.keySet().stream().filter(r -> !ackedKeys.contains(r)).toList();
    check("every acknowledged payment is one row in PostgreSQL, with the id and amount it was answered",
        missing.isEmpty() && wrong.isEmpty(), missing.size() + " missing" + examples(missing) + ", " + wrong.size()
            + " doubled or different" + examples(wrong));
    check("no phantom payment (a row no client was answered for)", phantoms.isEmpty(),
        phantoms.size() + " phantom" + examples(phantoms));
  }

  /**
   * The event ids the outbox holds for the run's payments, by payment id: those Kafka acknowledged, so that a
   * cut-off making new ones meanwhile does not count as an event missing from the topic read next.
   */
  private Map<String, Set<String>> outboxEvents(Connection pg) throws SQLException {
    Map<String, Set<String>> events = new HashMap<>();
    try (var st = pg.prepareStatement("SELECT o.message_key, o.event_id FROM outbox o JOIN payments p "
        + "ON p.id = o.message_key WHERE p.client_id = ? AND o.sent_at IS NOT NULL")) {
      st.setString(1, clientId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          events.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    figures.put("outbox events of these payments", events.values().stream().mapToLong(Set::size).sum());
    return events;
  }

  /** The whole topic, read from its start to its current end: per payment, each event id and how often. */
  private Map<String, Map<String, Integer>> topicEvents(List<RetryingClients.Payment> acked, boolean count) {
    Set<String> ids = acked.stream().map(p -> p.ackId).collect(Collectors.toSet());
    Properties p = new Properties();
    p.put("bootstrap.servers", config.kafka().bootstrapServers());
    p.put("enable.auto.commit", "false");
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    Map<String, Map<String, Integer>> events = new HashMap<>();
    long records = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = consumer.partitionsFor(config.kafka().paymentEventsTopic()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          records++;
          JsonObject event = new JsonObject(r.value());
          String subject = event.getString("subject", "");
          if (ids.contains(subject)) {
            events.computeIfAbsent(subject, s -> new HashMap<>()).merge(event.getString("id"), 1, Integer::sum);
          }
        }
      }
    }
    if (count) {
      figures.put("records on the topic", records);
    }
    return events;
  }

  private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void checkTopic(List<RetryingClients.Payment> acked, Map<String, Set<String>> outbox,
      Map<String, Map<String, Integer>> topic) {
    List<String> missing = new ArrayList<>();
    long duplicates = 0;
    long distinct = 0;
    for (RetryingClients.Payment p : acked) {
      Map<String, Integer> onTopic = topic.getOrDefault(p.ackId, Map.of());
      distinct += onTopic.size();
      duplicates += onTopic.values().stream().mapToLong(n -> n - 1).sum();
      Set<String> expected = outbox.getOrDefault(p.ackId, Set.of());
      if (expected.isEmpty() || !onTopic.keySet().containsAll(expected)) {
        missing.add(p.ackId);
      }
    }
    figures.put("distinct events of these payments on the topic", distinct);
    figures.put("duplicate records on the topic (same event id again)", duplicates);
    check("every change of every acknowledged payment (its outbox rows) is on the topic", missing.isEmpty(),
        missing.size() + " payments with events missing" + examples(missing) + "; " + duplicates
            + " duplicate records (allowed: consumers deduplicate by event id)");
  }

  /**
   * Waits for the projector to catch up, then compares each payment's history with the outbox snapshot: every
   * event there must be in the history once. The clearing keeps changing payments while this runs, so a history
   * row newer than the snapshot is looked up on the topic, read again at the end: a row that is not there either
   * was made up.
   */
  private void checkHistory(List<RetryingClients.Payment> acked, Map<String, Set<String>> outbox)
      throws InterruptedException {
    String table = config.cassandra().keyspace() + ".payment_events_by_payment";
    List<String> missing = new ArrayList<>();
    List<String> doubled = new ArrayList<>();
    Map<String, Set<String>> beyondSnapshot = new HashMap<>();
    try (CqlSession cql = CassandraSessions.open(config.cassandra())) {
      PreparedStatement select = cql.prepare("SELECT event_id FROM " + table + " WHERE payment_id = ?");
      List<RetryingClients.Payment> pending = acked;
      long deadline = System.nanoTime() + PIPELINE_WAIT.toNanos();
      while (true) {
        missing.clear();
        doubled.clear();
        List<RetryingClients.Payment> stillMissing = new ArrayList<>();
        for (RetryingClients.Payment p : pending) {
          List<String> history = cql.execute(select.bind(p.ackId)).all().stream().map((Row r) -> r.getString(0))
              .toList();
          Set<String> expected = outbox.getOrDefault(p.ackId, Set.of());
          Set<String> distinct = new HashSet<>(history);
          if (distinct.size() < history.size()) {
            doubled.add(p.ackId);
          }
          Set<String> newer = new HashSet<>(distinct);
          newer.removeAll(expected);
          if (!newer.isEmpty()) {
            beyondSnapshot.put(p.ackId, newer);
          }
          if (!distinct.containsAll(expected)) {
            missing.add(p.ackId);
            stillMissing.add(p);
          }
        }
        if (stillMissing.isEmpty() || System.nanoTime() > deadline) {
          break;
        }
        pending = stillMissing;
        Thread.sleep(2_000);
      }
    }
    List<String> madeUp = new ArrayList<>();
    if (!beyondSnapshot.isEmpty()) {
      Map<String, Map<String, Integer>> topicNow = topicEvents(acked, false);
      beyondSnapshot.forEach((payment, events) -> {
        if (!topicNow.getOrDefault(payment, Map.of()).keySet().containsAll(events)) {
          madeUp.add(payment);
        }
      });
    }
    check("every event of every acknowledged payment is exactly once in the Cassandra history",
        missing.isEmpty() && doubled.isEmpty() && madeUp.isEmpty(), missing.size() + " payments missing events"
            + examples(missing) + ", " + doubled.size() + " with an event twice" + examples(doubled) + ", "
            + madeUp.size() + " with events not on the topic" + examples(madeUp));
  }

  /** Waits until the receiver has every event of the run's payments, then counts what is missing. */
  private void checkWebhooks(Map<String, Set<String>> outbox, WebhookSink sink) throws InterruptedException {
    Set<String> expected = outbox.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    long deadline = System.nanoTime() + PIPELINE_WAIT.toNanos();
    List<String> missing;
    do {
      Map<String, Integer> received = sink.received();
      missing = expected.stream().filter(id -> !received.containsKey(id)).toList();
      if (missing.isEmpty()) {
        break;
      }
      Thread.sleep(1_000);
    } while (System.nanoTime() < deadline);
    long redelivered = sink.received().values().stream().mapToLong(n -> n - 1).sum();
    figures.put("webhook deliveries received again (same webhook-id)", redelivered);
    check("every event of the run's payments reached the webhook receiver, correctly signed",
        missing.isEmpty() && sink.badSignatures() == 0, missing.size() + " of " + expected.size() + " never arrived"
            + examples(missing) + ", " + sink.badSignatures() + " with a bad signature; " + redelivered
            + " redeliveries (allowed: at least once, receivers deduplicate by webhook-id)");
  }

  /**
   * Each cut-off inside the run has one run row; the clearing log line of a run appears in at most one
   * process's log (a process killed between its commit and its log line leaves none); and no payment
   * went into two files: each file's entry count is the number of payments pointing at it.
   */
  private void checkClearing(Connection pg, Instant runStart, List<GatewayProcess> processes) throws Exception {
    List<Instant> runs = new ArrayList<>();
    try (var st = pg.prepareStatement("SELECT cutoff_at FROM clearing_runs WHERE cutoff_at > ? ORDER BY cutoff_at")) {
      st.setTimestamp(1, Timestamp.from(runStart));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          runs.add(rs.getTimestamp(1).toInstant());
        }
      }
    }
    figures.put("clearing cut-offs run during the suite", (long) runs.size());
    Map<Instant, Integer> claims = new HashMap<>();
    for (GatewayProcess p : processes) {
      Path log = p.logFile();
      if (Files.exists(log)) {
        for (Instant run : runs) {
          String marker = "cut-off " + run + ":";
          if (Files.readString(log).contains(marker)) {
            claims.merge(run, 1, Integer::sum);
          }
        }
      }
    }
    List<String> twice = runs.stream().filter(r -> claims.getOrDefault(r, 0) > 1).map(Instant::toString).toList();
    check("each clearing cut-off was run by exactly one process", twice.isEmpty(),
        runs.size() + " cut-offs run, " + twice.size() + " claimed by more than one process" + examples(twice));
    List<String> mismatched = new ArrayList<>();
    long entries = 0;
    try (var st = pg.prepareStatement("SELECT f.id, f.entry_count, (SELECT count(*) FROM payments p "
        + "WHERE p.clearing_file_id = f.id) FROM clearing_files f WHERE f.cutoff_at > ?")) {
      st.setTimestamp(1, Timestamp.from(runStart));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          entries += rs.getLong(2);
          if (rs.getLong(2) != rs.getLong(3)) {
            mismatched.add(rs.getString(1));
          }
        }
      }
    }
    figures.put("entries in clearing files of the suite", entries);
    check("no payment was put in two clearing files", mismatched.isEmpty(),
        entries + " entries; " + mismatched.size() + " files whose entries are not their payments"
            + examples(mismatched));
  }

  private static long count(Connection pg, String sql) throws SQLException {
    try (var st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String examples(List<String> items) {
    return items.isEmpty() ? "" : " (e.g. " + String.join(", ", items.subList(0, Math.min(3, items.size()))) + ")";
  }
}
