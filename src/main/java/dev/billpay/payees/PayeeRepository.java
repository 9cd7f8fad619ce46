package dev.billpay.payees;

import dev.billpay.crypto.AccountNumberCipher.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payees in PostgreSQL; the biller account number is stored sealed. */
public final class PayeeRepository {
  private static final String COLUMNS = "id, client_id, display_name, biller_id, account_last4, status, created_at";
  private static final String INSERT = """
      INSERT INTO payees (id, client_id, display_name, biller_id, account_ciphertext, account_key_id, account_last4,
        status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8)""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM payees WHERE id = $1 AND client_id = $2";
  private static final String LIST = "SELECT " + COLUMNS + " FROM payees WHERE client_id = $1 AND status = 'active'"
      + " AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3";
  private static final String SOFT_DELETE = "UPDATE payees SET status = 'deleted', deleted_at = $3"
      + " WHERE id = $1 AND client_id = $2 AND status = 'active' RETURNING " + COLUMNS;

  private final Pool pool;

  public PayeeRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> insert(SqlConnection conn, Payee p, Sealed account) {
    return conn.preparedQuery(INSERT).execute(Tuple.tuple().addString(p.id()).addString(p.clientId())
        .addString(p.displayName()).addString(p.billerId()).addBuffer(Buffer.buffer(account.ciphertext()))
        .addString(account.keyId()).addString(p.accountLast4())
        .addOffsetDateTime(OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC))).mapEmpty();
  }

  public Future<Optional<Payee>> find(String clientId, String id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, clientId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(toPayee(it.next())) : Optional.empty();
    });
  }

  public Future<List<Payee>> list(String clientId, String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST).execute(Tuple.of(clientId, startingAfter, limitPlusOne)).map(rows -> {
      List<Payee> out = new ArrayList<>();
      rows.forEach(r -> out.add(toPayee(r)));
      return out;
    });
  }

  public Future<Optional<Payee>> softDelete(String clientId, String id, Instant at) {
    return pool.preparedQuery(SOFT_DELETE).execute(Tuple.of(id, clientId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
        .map(rows -> {
          var it = rows.iterator();
          return it.hasNext() ? Optional.of(toPayee(it.next())) : Optional.empty();
        });
  }

  private static Payee toPayee(Row r) {
    return new Payee(r.getString("id"), r.getString("client_id"), r.getString("display_name"),
        r.getString("biller_id"), r.getString("account_last4"), r.getString("status"),
        r.getOffsetDateTime("created_at").toInstant());
  }
}
