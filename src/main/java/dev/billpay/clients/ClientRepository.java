package dev.billpay.clients;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** Clients and the hashes of their API keys in PostgreSQL. */
public final class ClientRepository {
  private static final String FIND_BY_KEY_HASH = """
      SELECT k.client_id FROM api_keys k JOIN clients c ON c.id = k.client_id
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL""";
  private static final String UPSERT_CLIENT =
      "INSERT INTO clients (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING";
  private static final String UPSERT_KEY = """
      INSERT INTO api_keys (key_hash, id, client_id, prefix) VALUES ($1, $2, $3, $4)
      ON CONFLICT (key_hash) DO NOTHING""";

  private final Pool pool;

  public ClientRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<String>> clientIdForKeyHash(byte[] keyHash) {
    return pool.preparedQuery(FIND_BY_KEY_HASH).execute(Tuple.of(Buffer.buffer(keyHash)))
        .map(rows -> {
          var it = rows.iterator();
          return it.hasNext() ? Optional.of(it.next().getString(0)) : Optional.<String>empty();
        });
  }

  /** Creates the client and key if they do not exist yet (idempotent). */
  public Future<Void> ensureClientWithKey(String clientId, String name, String keyId, String apiKey) {
    return pool.withTransaction(conn -> conn.preparedQuery(UPSERT_CLIENT).execute(Tuple.of(clientId, name))
        .compose(r -> conn.preparedQuery(UPSERT_KEY).execute(Tuple.of(
            Buffer.buffer(ApiKeys.hash(apiKey)), keyId, clientId, apiKey.substring(0, Math.min(12, apiKey.length())))))
        .mapEmpty());
  }

  static String clientId(Row row) {
    return row.getString("client_id");
  }
}
