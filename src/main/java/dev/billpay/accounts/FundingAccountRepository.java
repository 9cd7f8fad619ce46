package dev.billpay.accounts;

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
import java.util.function.Function;

/** Funding accounts in PostgreSQL; the number is stored sealed (AES-GCM) with its key id. */
public final class FundingAccountRepository {
  private static final String COLUMNS =
      "id, client_id, type, holder_name, routing_number, account_type, country, number_last4, status,"
      + " blocked_reason, created_at, updated_at, version, verification_status, verification_method,"
      + " verification_failure, verified_at";
  private static final String INSERT = """
      INSERT INTO funding_accounts (id, client_id, type, holder_name, routing_number, account_type, country,
        number_ciphertext, number_key_id, number_last4, status, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11, $11)""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM funding_accounts WHERE id = $1 AND client_id = $2";
  private static final String LIST = "SELECT " + COLUMNS + " FROM funding_accounts WHERE client_id = $1"
      + " AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3";
  /** Conditional: only an active account is blocked, so a second block (a second return) is a no-op. */
  private static final String BLOCK = "UPDATE funding_accounts SET status = 'blocked', blocked_reason = $3,"
      + " updated_at = $4, version = version + 1 WHERE id = $1 AND client_id = $2 AND status = 'active'"
      + " RETURNING " + COLUMNS;

  /** The account, locked for the caller's transaction: a verification step and a change cannot interleave. */
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String SET_VERIFICATION = "UPDATE funding_accounts SET verification_status = $3,"
      + " verification_method = $4, verification_failure = $5, verified_at = $6, updated_at = $7,"
      + " version = version + 1 WHERE id = $1 AND client_id = $2 RETURNING " + COLUMNS;
  /**
   * A change of the holder or the bank details, the number only when a new one is given (null keeps the
   * stored one); the caller says what the verification becomes.
   */
  private static final String UPDATE_DETAILS = "UPDATE funding_accounts SET holder_name = $3, routing_number = $4,"
      + " account_type = $5, number_ciphertext = COALESCE($6, number_ciphertext),"
      + " number_key_id = COALESCE($7, number_key_id), number_last4 = COALESCE($8, number_last4),"
      + " verification_status = $9, verification_method = $10, verification_failure = $11, verified_at = $12,"
      + " updated_at = $13, version = version + 1 WHERE id = $1 AND client_id = $2 RETURNING " + COLUMNS;
  /** A correction: each of $3-$7 that is null leaves its column as it is. */
  private static final String CORRECT = "UPDATE funding_accounts SET routing_number = COALESCE($3, routing_number),"
      + " account_type = COALESCE($4, account_type), number_ciphertext = COALESCE($5, number_ciphertext),"
      + " number_key_id = COALESCE($6, number_key_id), number_last4 = COALESCE($7, number_last4), updated_at = $8,"
      + " version = version + 1 WHERE id = $1 AND client_id = $2 RETURNING " + COLUMNS;
  private static final String INSERT_CHANGE = """
      INSERT INTO funding_account_changes (id, funding_account_id, client_id, change_code, source, source_reference,
        old_routing_number, new_routing_number, old_account_type, new_account_type, old_number_last4, new_number_last4,
        changed_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

  /** An account as it is after a change, with the version its event id is derived from. */
  public record Versioned(FundingAccount account, int version) {}

  private final Pool pool;

  public FundingAccountRepository(Pool pool) {
    this.pool = pool;
  }

  /** A transaction on this repository's pool, for changes that read and write accounts together. */
  public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work);
  }

  public Future<Void> insert(SqlConnection conn, FundingAccount a, Sealed number) {
    return conn.preparedQuery(INSERT).execute(Tuple.tuple().addString(a.id()).addString(a.clientId())
        .addString(a.type()).addString(a.holderName()).addString(a.routingNumber()).addString(a.accountType())
        .addString(a.country()).addBuffer(Buffer.buffer(number.ciphertext())).addString(number.keyId())
        .addString(a.last4()).addOffsetDateTime(OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC))).mapEmpty();
  }

  public Future<Optional<FundingAccount>> find(String clientId, String id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, clientId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(toAccount(it.next())) : Optional.empty();
    });
  }

  public Future<List<FundingAccount>> list(String clientId, String startingAfter, int limitPlusOne) {
    return pool.preparedQuery(LIST).execute(Tuple.of(clientId, startingAfter, limitPlusOne)).map(rows -> {
      List<FundingAccount> out = new ArrayList<>();
      rows.forEach(r -> out.add(toAccount(r)));
      return out;
    });
  }

  public static Future<Optional<Versioned>> block(SqlConnection conn, String clientId, String id, String reason,
      Instant at) {
    return conn.preparedQuery(BLOCK).execute(Tuple.of(id, clientId, reason, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
        .map(rows -> {
          var it = rows.iterator();
          if (!it.hasNext()) {
            return Optional.empty();
          }
          Row r = it.next();
          return Optional.of(new Versioned(toAccount(r), r.getInteger("version")));
        });
  }

  static Future<Optional<FundingAccount>> lock(SqlConnection conn, String clientId, String id) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(id, clientId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(toAccount(it.next())) : Optional.empty();
    });
  }

  static Future<Versioned> setVerification(SqlConnection conn, String clientId, String id, Verification v,
      Instant at) {
    return conn.preparedQuery(SET_VERIFICATION).execute(Tuple.of(id, clientId, v.status().wire(),
            v.method() == null ? null : v.method().wire(), v.failureReason(), utcOrNull(v.verifiedAt()), utc(at)))
        .map(rows -> versioned(rows.iterator().next()));
  }

  /** The new details of a locked account; {@code number} null keeps the stored one (and its last 4). */
  static Future<Versioned> updateDetails(SqlConnection conn, FundingAccount changed, Sealed number, Instant at) {
    Verification v = changed.verification();
    return conn.preparedQuery(UPDATE_DETAILS).execute(Tuple.tuple().addString(changed.id())
            .addString(changed.clientId()).addString(changed.holderName()).addString(changed.routingNumber())
            .addString(changed.accountType())
            .addBuffer(number == null ? null : Buffer.buffer(number.ciphertext()))
            .addString(number == null ? null : number.keyId()).addString(number == null ? null : changed.last4())
            .addString(v.status().wire()).addString(v.method() == null ? null : v.method().wire())
            .addString(v.failureReason()).addOffsetDateTime(utcOrNull(v.verifiedAt())).addOffsetDateTime(utc(at)))
        .map(rows -> versioned(rows.iterator().next()));
  }

  private static Versioned versioned(Row r) {
    return new Versioned(toAccount(r), r.getInteger("version"));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static OffsetDateTime utcOrNull(Instant at) {
    return at == null ? null : utc(at);
  }

  /** Writes the corrected fields (null: unchanged; {@code number} null: the number stays) and answers the account. */
  static Future<Versioned> correct(SqlConnection conn, String clientId, String id, String routing, String accountType,
      Sealed number, String last4, Instant at) {
    return conn.preparedQuery(CORRECT).execute(Tuple.tuple().addString(id).addString(clientId).addString(routing)
        .addString(accountType).addBuffer(number == null ? null : Buffer.buffer(number.ciphertext()))
        .addString(number == null ? null : number.keyId()).addString(last4)
        .addOffsetDateTime(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).map(rows -> {
          Row r = rows.iterator().next();
          return new Versioned(toAccount(r), r.getInteger("version"));
        });
  }

  /** The audit row of a correction: old and new values, account numbers by their last four digits only. */
  static Future<Void> recordChange(SqlConnection conn, String changeId, FundingAccount before, FundingAccount after,
      Correction c, Instant at) {
    return conn.preparedQuery(INSERT_CHANGE).execute(Tuple.tuple().addString(changeId).addString(after.id())
        .addString(after.clientId()).addString(c.changeCode()).addString(c.source()).addString(c.reference())
        .addString(before.routingNumber()).addString(after.routingNumber()).addString(before.accountType())
        .addString(after.accountType()).addString(before.last4()).addString(after.last4())
        .addOffsetDateTime(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).mapEmpty();
  }

  private static FundingAccount toAccount(Row r) {
    return new FundingAccount(r.getString("id"), r.getString("client_id"), r.getString("type"),
        r.getString("holder_name"), r.getString("routing_number"), r.getString("account_type"),
        r.getString("country"), r.getString("number_last4"), r.getString("status"), r.getString("blocked_reason"),
        r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant(),
        verification(r));
  }

  private static Verification verification(Row r) {
    OffsetDateTime verifiedAt = r.getOffsetDateTime("verified_at");
    return new Verification(VerificationStatus.fromWire(r.getString("verification_status")),
        VerificationMethod.fromWire(r.getString("verification_method")).orElse(null),
        r.getString("verification_failure"), verifiedAt == null ? null : verifiedAt.toInstant());
  }
}
