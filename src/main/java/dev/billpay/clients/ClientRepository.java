package dev.billpay.clients;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Clients and the hashes of their API keys in PostgreSQL. */
public final class ClientRepository {
  private static final String FIND_BY_KEY_HASH = """
      SELECT k.client_id FROM api_keys k JOIN clients c ON c.id = k.client_id
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL""";
  private static final String INSERT_CLIENT =
      "INSERT INTO clients (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING";
  private static final String CLIENT_EXISTS = "SELECT 1 FROM clients WHERE id = $1";
  private static final String INSERT_KEY = """
      INSERT INTO api_keys (key_hash, id, client_id, prefix, mode, created_at) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (key_hash) DO NOTHING""";
  private static final String REVOKE_KEY = """
      UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1
      RETURNING id, client_id, prefix, mode, created_at, revoked_at""";

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

  public Future<Void> insertClient(String id, String name, Instant at) {
    return pool.preparedQuery(INSERT_CLIENT).execute(Tuple.of(id, name, utc(at))).mapEmpty();
  }

  public Future<Boolean> clientExists(String id) {
    return pool.preparedQuery(CLIENT_EXISTS).execute(Tuple.of(id)).map(rows -> rows.size() == 1);
  }

  public Future<Void> insertKey(ApiKey key, byte[] keyHash) {
    return pool.preparedQuery(INSERT_KEY).execute(Tuple.of(Buffer.buffer(keyHash), key.id(), key.clientId(),
        key.prefix(), key.mode(), utc(key.createdAt()))).mapEmpty();
  }

  public Future<Optional<ApiKey>> revoke(String keyId, Instant at) {
    return pool.preparedQuery(REVOKE_KEY).execute(Tuple.of(keyId, utc(at))).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(toKey(it.next())) : Optional.empty();
    });
  }

  /** Creates the client and key if they do not exist yet (idempotent); used for the dev client. */
  public Future<Void> ensureClientWithKey(String clientId, String name, String keyId, String apiKey) {
    Instant now = Instant.now();
    return insertClient(clientId, name, now).compose(v -> insertKey(
        new ApiKey(keyId, clientId, ApiKeys.prefixOf(apiKey), ApiKeys.modeOf(apiKey), now, null), ApiKeys.hash(apiKey)));
  }

  private static ApiKey toKey(Row r) {
    OffsetDateTime revoked = r.getOffsetDateTime("revoked_at");
    return new ApiKey(r.getString("id"), r.getString("client_id"), r.getString("prefix"), r.getString("mode"),
        r.getOffsetDateTime("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
