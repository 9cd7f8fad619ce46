package dev.billpay.db;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups idempotent inserts into unlogged batches of rows that live on the same replicas, so one
 * request carries many rows to a coordinator that owns them all. Cassandra then decodes, schedules
 * and answers one request instead of one per row, which on the embedded server was most of its CPU
 * per event. Rows of different replicas never share a batch (that would make the coordinator fan
 * out), and a batch stays under {@link #MAX_BYTES}, below Cassandra's default batch_size_fail_threshold
 * (50 KiB). Unlogged: the callers re-write a half-written group anyway (their Kafka offsets are
 * committed after the writes), so the batchlog's atomicity would only cost a write and a delete.
 */
public final class ReplicaBatches {
  public static final int MAX_ROWS = 32;
  public static final int MAX_BYTES = 40 * 1024;

  private ReplicaBatches() {}

  /** The statements as requests: batches per replica set, single statements where a batch has one. */
  public static List<Statement<?>> of(CqlSession session, List<BoundStatement> rows) {
    Optional<TokenMap> tokens = session.getMetadata().getTokenMap();
    Map<Object, List<BoundStatement>> byReplicas = new LinkedHashMap<>();
    int alone = 0;
    for (BoundStatement row : rows) {
      Object replicas = replicasOf(tokens, row);
      // without a token map (metadata disabled) a row cannot be placed: it goes as a request of its own
      byReplicas.computeIfAbsent(replicas == null ? alone++ : replicas, k -> new ArrayList<>()).add(row);
    }
    List<Statement<?>> requests = new ArrayList<>();
    byReplicas.values().forEach(group -> chunk(group, requests));
    return requests;
  }

  private static Object replicasOf(Optional<TokenMap> tokens, BoundStatement row) {
    ByteBuffer key = row.getRoutingKey();
    CqlIdentifier keyspace = row.getRoutingKeyspace();
    if (tokens.isEmpty() || key == null || keyspace == null) {
      return null;
    }
    Set<Node> replicas = tokens.get().getReplicas(keyspace, key);
    return replicas.isEmpty() ? null : replicas;
  }

  private static void chunk(List<BoundStatement> group, List<Statement<?>> requests) {
    List<BoundStatement> batch = new ArrayList<>();
    int bytes = 0;
    for (BoundStatement row : group) {
      int size = sizeOf(row);
      if (!batch.isEmpty() && (batch.size() == MAX_ROWS || bytes + size > MAX_BYTES)) {
        requests.add(request(batch));
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(row);
      bytes += size;
    }
    if (!batch.isEmpty()) {
      requests.add(request(batch));
    }
  }

  private static Statement<?> request(List<BoundStatement> batch) {
    return batch.size() == 1 ? batch.get(0) : BatchStatement.newInstance(DefaultBatchType.UNLOGGED).addAll(batch);
  }

  private static int sizeOf(BoundStatement row) {
    int bytes = 0;
    for (ByteBuffer value : row.getValues()) {
      bytes += value == null ? 0 : value.remaining();
    }
    return bytes;
  }
}
