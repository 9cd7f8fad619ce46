package dev.billpay.expectedpayments;

import dev.billpay.crypto.AccountNumberCipher.Sealed;
import dev.billpay.db.BatchResults;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Expected payments and the transactions that reconciled them, in PostgreSQL; the one writer of both tables. */
public final class ExpectedPaymentRepository {
  private static final String COLUMNS = "id, client_id, direction, exact_amount, amount_min_minor, amount_max_minor,"
      + " currency, window_start, window_end, counterparty_name, counterparty_last4, reference, metadata, status,"
      + " reconciled_minor, version, created_at, updated_at";
  private static final String INSERT = "INSERT INTO expected_payments (" + COLUMNS + ", counterparty_ciphertext,"
      + " counterparty_key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
      + " $18, $19, $20)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM expected_payments WHERE id = $1 AND client_id = $2";
  private static final String TRANSACTIONS = "SELECT expected_payment_id, bank_file_id, locator, amount_minor,"
      + " value_date, bank_reference, rule, matched_at FROM expected_payment_transactions"
      + " WHERE expected_payment_id = ANY($1) ORDER BY matched_at, bank_file_id, line, locator";
  /** Conditional: only from the statuses that allow it, so a concurrent reconciliation wins or loses whole. */
  private static final String ARCHIVE = "UPDATE expected_payments SET status = 'archived', version = version + 1,"
      + " updated_at = $3 WHERE id = $1 AND client_id = $2 AND status = ANY($4) RETURNING " + COLUMNS;
  /** Locked until the bank file's transaction ends: two imports cannot both count the same shortfall. */
  private static final String LOCK_OPEN = "SELECT " + COLUMNS + ", counterparty_ciphertext, counterparty_key_id"
      + " FROM expected_payments WHERE status = ANY($1) AND window_start <= $3 AND window_end >= $2"
      + " ORDER BY id FOR UPDATE";
  private static final String LOCK = "SELECT " + COLUMNS + " FROM expected_payments WHERE id = ANY($1)"
      + " ORDER BY id FOR UPDATE";
  private static final String INSERT_TRANSACTION = "INSERT INTO expected_payment_transactions (expected_payment_id,"
      + " bank_file_id, locator, line, amount_minor, value_date, bank_reference, rule, matched_at)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING amount_minor";
  private static final String RECONCILED = "UPDATE expected_payments SET reconciled_minor = $2, status = $3,"
      + " version = version + 1, updated_at = $4 WHERE id = $1 RETURNING " + COLUMNS;
  /** SKIP LOCKED: a sweep never waits on a bank file being imported, and sweeps on several instances share. */
  private static final String MARK_OVERDUE = "UPDATE expected_payments SET status = 'overdue', version = version + 1,"
      + " updated_at = $3 WHERE id IN (SELECT id FROM expected_payments WHERE status = ANY($4) AND window_end < $1"
      + " ORDER BY window_end, id LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;

  private final Pool pool;

  public ExpectedPaymentRepository(Pool pool) {
    this.pool = pool;
  }

  /** A part of a bank transaction to record against an expected payment. */
  record NewTransaction(String expectedPaymentId, String bankFileId, String locator, int line, long amountMinor,
      LocalDate valueDate, String bankReference, String rule, Instant matchedAt) {}

  /** An open expected payment with its sealed counterparty account (null when none). */
  record Locked(ExpectedPayment payment, Sealed account) {}

  static Future<Void> insert(SqlConnection conn, ExpectedPayment p, Sealed account) {
    Tuple t = Tuple.tuple().addString(p.id()).addString(p.clientId()).addString(p.direction().wire())
        .addBoolean(p.exactAmount()).addLong(p.minMinor()).addLong(p.maxMinor()).addString(p.currency())
        .addLocalDate(p.windowStart()).addLocalDate(p.windowEnd()).addString(p.counterpartyName())
        .addString(p.counterpartyLast4()).addString(p.reference()).addValue(p.metadata())
        .addString(p.status().wire()).addLong(p.reconciledMinor()).addInteger(p.version())
        .addOffsetDateTime(utc(p.createdAt())).addOffsetDateTime(utc(p.updatedAt()))
        .addBuffer(account == null ? null : Buffer.buffer(account.ciphertext()))
        .addString(account == null ? null : account.keyId());
    return conn.preparedQuery(INSERT).execute(t).mapEmpty();
  }

  public Future<Optional<ExpectedPayment>> find(String clientId, String id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, clientId)).map(ExpectedPaymentRepository::first);
  }

  static Future<Optional<ExpectedPayment>> find(SqlClient conn, String clientId, String id) {
    return conn.preparedQuery(FIND).execute(Tuple.of(id, clientId)).map(ExpectedPaymentRepository::first);
  }

  public Future<List<ExpectedPayment>> list(ExpectedPaymentQuery query) {
    ExpectedPaymentQuery.Sql sql = query.toSql("SELECT " + COLUMNS + " FROM expected_payments");
    return pool.preparedQuery(sql.text()).execute(sql.params()).map(ExpectedPaymentRepository::all);
  }

  public Future<Map<String, List<MatchedTransaction>>> transactionsOf(List<String> ids) {
    return transactionsOf(pool, ids);
  }

  /** The transactions of each expected payment, oldest first; every id is a key, with an empty list if none. */
  static Future<Map<String, List<MatchedTransaction>>> transactionsOf(SqlClient conn, List<String> ids) {
    Map<String, List<MatchedTransaction>> out = new LinkedHashMap<>();
    ids.forEach(id -> out.put(id, new ArrayList<>()));
    if (ids.isEmpty()) {
      return Future.succeededFuture(out);
    }
    return conn.preparedQuery(TRANSACTIONS).execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
      for (Row r : rows) {
        out.get(r.getString("expected_payment_id")).add(new MatchedTransaction(r.getString("bank_file_id"),
            r.getString("locator"), r.getLong("amount_minor"), r.getLocalDate("value_date"),
            r.getString("bank_reference"), r.getString("rule"), r.getOffsetDateTime("matched_at").toInstant()));
      }
      return out;
    });
  }

  static Future<Optional<ExpectedPayment>> archive(SqlConnection conn, String clientId, String id,
      Set<ExpectedPaymentStatus> from, Instant at) {
    return conn.preparedQuery(ARCHIVE).execute(Tuple.of(id, clientId, utc(at), wires(from)))
        .map(ExpectedPaymentRepository::first);
  }

  static Future<List<Locked>> lockOpen(SqlConnection conn, Set<ExpectedPaymentStatus> open, LocalDate from,
      LocalDate to) {
    return conn.preparedQuery(LOCK_OPEN).execute(Tuple.of(wires(open), from, to)).map(rows -> {
      List<Locked> out = new ArrayList<>();
      for (Row r : rows) {
        Buffer sealed = r.getBuffer("counterparty_ciphertext");
        out.add(new Locked(toPayment(r), sealed == null ? null
            : new Sealed(sealed.getBytes(), r.getString("counterparty_key_id"))));
      }
      return out;
    });
  }

  /** The named expected payments, locked in id order (so two transactions never wait on each other). */
  static Future<Map<String, ExpectedPayment>> lock(SqlConnection conn, List<String> ids) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
      Map<String, ExpectedPayment> out = new LinkedHashMap<>();
      all(rows).forEach(p -> out.put(p.id(), p));
      return out;
    });
  }

  /** Inserts each in one round trip; per row the amount it added, 0 when it was recorded before. */
  static Future<List<Long>> insertTransactions(SqlConnection conn, List<NewTransaction> transactions) {
    if (transactions.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Tuple> tuples = new ArrayList<>(transactions.size());
    for (NewTransaction t : transactions) {
      tuples.add(Tuple.tuple().addString(t.expectedPaymentId()).addString(t.bankFileId()).addString(t.locator())
          .addInteger(t.line()).addLong(t.amountMinor()).addLocalDate(t.valueDate()).addString(t.bankReference())
          .addString(t.rule()).addOffsetDateTime(utc(t.matchedAt())));
    }
    return conn.preparedQuery(INSERT_TRANSACTION).executeBatch(tuples).map(first -> BatchResults.each(first,
        tuples.size(), rows -> rows.rowCount() == 0 ? 0L : rows.iterator().next().getLong("amount_minor")));
  }

  static Future<ExpectedPayment> reconciled(SqlConnection conn, String id, long reconciledMinor,
      ExpectedPaymentStatus status, Instant at) {
    return conn.preparedQuery(RECONCILED).execute(Tuple.of(id, reconciledMinor, status.wire(), utc(at)))
        .map(rows -> first(rows).orElseThrow());
  }

  static Future<List<ExpectedPayment>> markOverdue(SqlConnection conn, LocalDate today, int limit,
      Set<ExpectedPaymentStatus> from, Instant at) {
    return conn.preparedQuery(MARK_OVERDUE).execute(Tuple.of(today, limit, utc(at), wires(from)))
        .map(ExpectedPaymentRepository::all);
  }

  private static String[] wires(Set<ExpectedPaymentStatus> statuses) {
    return statuses.stream().map(ExpectedPaymentStatus::wire).toArray(String[]::new);
  }

  private static Optional<ExpectedPayment> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(toPayment(it.next())) : Optional.empty();
  }

  private static List<ExpectedPayment> all(RowSet<Row> rows) {
    List<ExpectedPayment> out = new ArrayList<>();
    rows.forEach(r -> out.add(toPayment(r)));
    return out;
  }

  private static ExpectedPayment toPayment(Row r) {
    Object metadata = r.getValue("metadata");
    return new ExpectedPayment(r.getString("id"), r.getString("client_id"),
        Direction.fromWire(r.getString("direction")).orElseThrow(), r.getBoolean("exact_amount"),
        r.getLong("amount_min_minor"), r.getLong("amount_max_minor"), r.getString("currency").trim(),
        r.getLocalDate("window_start"), r.getLocalDate("window_end"), r.getString("counterparty_name"),
        r.getString("counterparty_last4"), r.getString("reference"),
        metadata instanceof JsonObject m ? m : new JsonObject(),
        ExpectedPaymentStatus.fromWire(r.getString("status")).orElseThrow(), r.getLong("reconciled_minor"),
        r.getInteger("version"), r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
