package dev.billpay.webhooks;

import dev.billpay.crypto.AccountNumberCipher.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints and their sealed secrets in PostgreSQL. */
public final class WebhookEndpointRepository {
  private static final String COLUMNS = "id, client_id, url, event_types, description, enabled, status, created_at";
  private static final String INSERT = """
      INSERT INTO webhook_endpoints (id, client_id, url, event_types, description, secret_ciphertext, secret_key_id,
        enabled, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, true, 'active', $8, $8)""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM webhook_endpoints"
      + " WHERE id = $1 AND client_id = $2 AND deleted_at IS NULL";
  private static final String LIST = "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE client_id = $1"
      + " AND deleted_at IS NULL AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3";
  /** Disabling an enabled endpoint is a change with an event, so it moves the version on. */
  private static final String SET_ENABLED = """
      WITH before AS (SELECT id AS before_id, enabled AS was_enabled FROM webhook_endpoints
                      WHERE id = $1 AND client_id = $2 AND deleted_at IS NULL FOR UPDATE)
      UPDATE webhook_endpoints SET enabled = $3, status = 'active', updated_at = $4,
        version = version + CASE WHEN was_enabled AND NOT $3 THEN 1 ELSE 0 END
      FROM before WHERE id = before_id RETURNING was_enabled, version, """ + COLUMNS;
  /** Conditional, so only the first final failure flags the endpoint (and publishes that). */
  private static final String FLAG_FAILING = "UPDATE webhook_endpoints SET status = 'failing', updated_at = $2,"
      + " version = version + 1 WHERE id = $1 AND status <> 'failing' AND deleted_at IS NULL RETURNING version, "
      + COLUMNS;
  private static final String DELETE = "UPDATE webhook_endpoints SET deleted_at = $3, enabled = false, updated_at = $3"
      + " WHERE id = $1 AND client_id = $2 AND deleted_at IS NULL RETURNING " + COLUMNS;
  /** The current secret becomes the previous one, valid until the overlap ends. */
  private static final String ROTATE = """
      UPDATE webhook_endpoints SET previous_secret_ciphertext = secret_ciphertext,
        previous_secret_key_id = secret_key_id, previous_secret_expires_at = $5,
        secret_ciphertext = $3, secret_key_id = $4, updated_at = $6
      WHERE id = $1 AND client_id = $2 AND deleted_at IS NULL RETURNING """ + " " + COLUMNS;
  private static final String SIGNING = """
      SELECT url, enabled, deleted_at, secret_ciphertext, secret_key_id, previous_secret_ciphertext,
        previous_secret_key_id, previous_secret_expires_at FROM webhook_endpoints WHERE id = $1""";

  /** An endpoint as it is after a change, with the version its event id is derived from. */
  public record Versioned(WebhookEndpoint endpoint, int version) {}

  /** The result of enabling or disabling: the endpoint, and whether this call disabled an enabled one. */
  public record Toggled(Versioned endpoint, boolean disabledNow) {}

  /** What the delivery worker needs to send: the URL and every currently valid sealed secret. */
  public record SigningView(String url, boolean active, List<Sealed> secrets) {}

  private final Pool pool;

  public WebhookEndpointRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> insert(SqlClient client, WebhookEndpoint e, Sealed secret) {
    return client.preparedQuery(INSERT).execute(Tuple.tuple().addString(e.id()).addString(e.clientId())
        .addString(e.url()).addArrayOfString(e.eventTypes().toArray(String[]::new)).addString(e.description())
        .addBuffer(Buffer.buffer(secret.ciphertext())).addString(secret.keyId()).addOffsetDateTime(utc(e.createdAt())))
        .mapEmpty();
  }

  public Future<Optional<WebhookEndpoint>> find(String clientId, String id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, clientId)).map(rows -> first(rows));
  }

  public Future<List<WebhookEndpoint>> list(String clientId, String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST).execute(Tuple.of(clientId, startingAfter, limitPlusOne)).map(rows -> {
      List<WebhookEndpoint> out = new ArrayList<>();
      rows.forEach(r -> out.add(toEndpoint(r)));
      return out;
    });
  }

  public static Future<Optional<Toggled>> setEnabled(SqlClient conn, String clientId, String id, boolean enabled,
      Instant at) {
    return conn.preparedQuery(SET_ENABLED).execute(Tuple.of(id, clientId, enabled, utc(at))).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Toggled(new Versioned(toEndpoint(r), r.getInteger("version")),
          r.getBoolean("was_enabled") && !enabled));
    });
  }

  public static Future<Optional<Versioned>> flagFailing(SqlClient conn, String id, Instant at) {
    return conn.preparedQuery(FLAG_FAILING).execute(Tuple.of(id, utc(at))).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Versioned(toEndpoint(r), r.getInteger("version")));
    });
  }

  public Future<Optional<WebhookEndpoint>> delete(String clientId, String id, Instant at) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, clientId, utc(at))).map(this::first);
  }

  public Future<Optional<WebhookEndpoint>> rotate(String clientId, String id, Sealed secret, Instant previousUntil,
      Instant at) {
    return pool.preparedQuery(ROTATE).execute(Tuple.of(id, clientId, Buffer.buffer(secret.ciphertext()),
        secret.keyId(), utc(previousUntil), utc(at))).map(this::first);
  }

  public Future<Optional<SigningView>> signing(String endpointId, Instant now) {
    return pool.preparedQuery(SIGNING).execute(Tuple.of(endpointId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      List<Sealed> secrets = new ArrayList<>();
      secrets.add(new Sealed(r.getBuffer("secret_ciphertext").getBytes(), r.getString("secret_key_id")));
      OffsetDateTime until = r.getOffsetDateTime("previous_secret_expires_at");
      if (until != null && until.toInstant().isAfter(now) && r.getBuffer("previous_secret_ciphertext") != null) {
        secrets.add(new Sealed(r.getBuffer("previous_secret_ciphertext").getBytes(),
            r.getString("previous_secret_key_id")));
      }
      boolean active = r.getBoolean("enabled") && r.getOffsetDateTime("deleted_at") == null;
      return Optional.of(new SigningView(r.getString("url"), active, secrets));
    });
  }

  private Optional<WebhookEndpoint> first(io.vertx.sqlclient.RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(toEndpoint(it.next())) : Optional.empty();
  }

  private static WebhookEndpoint toEndpoint(Row r) {
    return new WebhookEndpoint(r.getString("id"), r.getString("client_id"), r.getString("url"),
        Arrays.asList(r.getArrayOfStrings("event_types")), r.getString("description"), r.getBoolean("enabled"),
        r.getString("status"), r.getOffsetDateTime("created_at").toInstant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
