package dev.billpay.payments;

import io.vertx.core.Future;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What other features read of payments, in the caller's transaction; the payment states in these
 * queries are payments' own business. Changes go through {@link PaymentTransitions}. Each query keeps
 * the locks its caller relies on, said on the query.
 */
public final class PaymentQueries {
  /**
   * Pending payments of one speed whose effective date has come, oldest id first. FOR UPDATE: a payment is locked
   * while it is put into a file, so a cancel waits and then fails; SKIP LOCKED: never wait for one.
   */
  private static final String PENDING_DUE = "SELECT id, client_id, amount, currency, plan_id, funding_account_id,"
      + " attempt FROM payments WHERE status = 'pending' AND effective_date <= $1 AND speed = $3"
      + " ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED";
  /** A file's payments in some states, locked (the caller moves them next) in id order. */
  private static final String IN_FILE = "SELECT id, client_id FROM payments"
      + " WHERE clearing_file_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE";

  /**
   * Submitted payments of the files, oldest id first, locked; SKIP LOCKED lets several sweeps share
   * the work without waiting for each other.
   */
  private static final String SUBMITTED_IN_FILES = "SELECT id, client_id FROM payments"
      + " WHERE clearing_file_id = ANY($1) AND status = 'submitted' ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED";
  /** The files that still have a payment awaiting settlement (submitted or in review). */
  private static final String FILES_AWAITING_SETTLEMENT = "SELECT DISTINCT clearing_file_id FROM payments"
      + " WHERE clearing_file_id = ANY($1) AND status IN ('submitted', 'needs_review')";

  /** Submitted payments a bank statement may show being paid, by their effective date. */
  private static final String SUBMITTED_EFFECTIVE_BETWEEN = "SELECT id, reference, amount, currency, effective_date"
      + " FROM payments WHERE status = 'submitted' AND effective_date BETWEEN $1 AND $2";
  /** Returned payments, by when they were returned: the bank debits us for each around then. */
  private static final String RETURNED_BETWEEN = "SELECT id, trace_number, amount, currency, updated_at FROM payments"
      + " WHERE status = 'returned' AND updated_at BETWEEN $1 AND $2";
  /**
   * Locks the payment a bank file refers to by its trace number: the latest with it, as trace
   * numbers come round again after 9,999,999 entries (long after any return could arrive).
   */
  private static final String BY_TRACE = "SELECT " + PaymentRepository.COLUMNS + " FROM payments"
      + " WHERE trace_number = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE";
  /** What became of each file's entries: settled, returned, or still outstanding, counted and summed. */
  private static final String OUTCOMES_BY_FILE = """
      SELECT clearing_file_id,
        count(id) FILTER (WHERE status = 'settled') AS settled_count,
        COALESCE(sum(amount) FILTER (WHERE status = 'settled'), 0) AS settled_amount,
        count(id) FILTER (WHERE status = 'returned') AS returned_count,
        COALESCE(sum(amount) FILTER (WHERE status = 'returned'), 0) AS returned_amount,
        count(id) FILTER (WHERE status NOT IN ('settled', 'returned')) AS outstanding_count,
        COALESCE(sum(amount) FILTER (WHERE status NOT IN ('settled', 'returned')), 0) AS outstanding_amount
      FROM payments WHERE clearing_file_id = ANY($1) GROUP BY clearing_file_id""";

  /** Due scheduled payments; those of a paused or canceled plan wait (or are canceled with it). */
  private static final String CLAIM_DUE = """
      SELECT id, client_id FROM payments p WHERE status = 'scheduled' AND due_at <= $1
        AND (plan_id IS NULL OR EXISTS (SELECT 1 FROM payment_plans pl WHERE pl.id = p.plan_id AND pl.status <> 'paused'))
      ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED""";
  private static final String SCHEDULED_OF_PLAN = "SELECT id FROM payments WHERE plan_id = $1 AND status = 'scheduled'"
      + " AND due_at < $2 ORDER BY due_at";

  /**
   * A client's debit entries effective since $2 (every payment that went to the bank, each attempt
   * an entry of its own) and, by return code, those of them returned: the counts of its return rates.
   */
  private static final String RETURN_COUNTS = """
      SELECT COALESCE(return_code, '') AS code, count(*) AS n FROM payments
      WHERE client_id = $1 AND trace_number IS NOT NULL AND effective_date >= $2
      GROUP BY 1""";

  private static final Set<PaymentStatus> SUBMITTED = EnumSet.of(PaymentStatus.SUBMITTED);
  private static final Set<PaymentStatus> AWAITING_SETTLEMENT =
      EnumSet.of(PaymentStatus.SUBMITTED, PaymentStatus.NEEDS_REVIEW);

  private PaymentQueries() {}

  /**
   * Up to {@code limit} scheduled payments due by {@code now}, earliest first, locked; SKIP LOCKED lets
   * any number of schedulers share them.
   */
  public static Future<List<PaymentRef>> claimDue(SqlConnection conn, Instant now, int limit) {
    return conn.preparedQuery(CLAIM_DUE).execute(Tuple.of(utc(now), limit)).map(PaymentQueries::refs);
  }

  /** The plan's scheduled payments due before {@code before}, oldest first. */
  public static Future<List<String>> scheduledOfPlan(SqlConnection conn, String planId, Instant before) {
    return conn.preparedQuery(SCHEDULED_OF_PLAN).execute(Tuple.of(planId, utc(before))).map(rows -> {
      List<String> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(r.getString("id")));
      return out;
    });
  }

  /** A pending payment due for a clearing file: what the file needs of it, and the account it debits. */
  public record Due(String id, String clientId, long amount, String currency, String planId,
      String fundingAccountId, int attempt) {
    /** A reinitiation of a returned debit (attempt 2 or 3), which travels as "RETRY PYMT". */
    public boolean isReinitiation() {
      return attempt > 1;
    }
  }

  /**
   * Up to {@code limit} pending payments of the speed effective by the date, locked (skipping those
   * locked elsewhere): same-day and standard entries go in different batches, so they are gathered apart.
   */
  public static Future<List<Due>> pendingDue(SqlConnection conn, PaymentSpeed speed, LocalDate effectiveBy,
      int limit) {
    return conn.preparedQuery(PENDING_DUE).execute(Tuple.of(effectiveBy, limit, speed.wire())).map(rows -> {
      List<Due> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Due(r.getString("id"), r.getString("client_id"), r.getLong("amount"),
            r.getString("currency").trim(), r.getString("plan_id"), r.getString("funding_account_id"), r.getInteger("attempt")));
      }
      return out;
    });
  }

  /** A client's entries since a date and, by return code, how many came back. */
  public record ReturnCounts(long entries, Map<String, Long> returnsByCode) {}

  public static Future<ReturnCounts> returnCounts(SqlClient client, String clientId, LocalDate since) {
    return client.preparedQuery(RETURN_COUNTS).execute(Tuple.of(clientId, since)).map(rows -> {
      long entries = 0;
      Map<String, Long> returns = new java.util.TreeMap<>();
      for (Row r : rows) {
        long n = r.getLong("n");
        entries += n;
        if (!r.getString("code").isEmpty()) {
          returns.put(r.getString("code"), n);
        }
      }
      return new ReturnCounts(entries, returns);
    });
  }

  /** The file's payments still submitted, locked, in id order. */
  public static Future<List<PaymentRef>> submittedInFile(SqlConnection conn, String fileId) {
    return inFile(conn, fileId, SUBMITTED);
  }

  /** The file's payments still submitted or in review, locked, in id order: those its settlement settles. */
  public static Future<List<PaymentRef>> awaitingSettlementInFile(SqlConnection conn, String fileId) {
    return inFile(conn, fileId, AWAITING_SETTLEMENT);
  }

  /** A submitted payment as a statement line may show it. */
  public record Submitted(String id, String reference, long amount, String currency, LocalDate effectiveDate) {}

  public static Future<List<Submitted>> submittedEffectiveBetween(SqlConnection conn, LocalDate from, LocalDate to) {
    return conn.preparedQuery(SUBMITTED_EFFECTIVE_BETWEEN).execute(Tuple.of(from, to)).map(rows -> {
      List<Submitted> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Submitted(r.getString("id"), r.getString("reference"), r.getLong("amount"),
            r.getString("currency").trim(), r.getLocalDate("effective_date")));
      }
      return out;
    });
  }

  /** A returned payment whose return a statement may show settling against our account. */
  public record Returned(String id, String traceNumber, long amount, String currency, Instant returnedAt) {}

  public static Future<List<Returned>> returnedBetween(SqlConnection conn, Instant from, Instant to) {
    return conn.preparedQuery(RETURNED_BETWEEN).execute(Tuple.of(utc(from), utc(to))).map(rows -> {
      List<Returned> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Returned(r.getString("id"), r.getString("trace_number"), r.getLong("amount"),
            r.getString("currency").trim(), r.getOffsetDateTime("updated_at").toInstant()));
      }
      return out;
    });
  }

  /** The payment with the trace number (the latest, if it came round again), locked. */
  public static Future<Optional<Payment>> lockByTrace(SqlConnection conn, String traceNumber) {
    return conn.preparedQuery(BY_TRACE).execute(Tuple.of(traceNumber)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(PaymentRepository.toPayment(it.next())) : Optional.empty();
    });
  }

  /** How many of a file's payments, and how much, are settled, returned and still outstanding. */
  public record FileOutcome(long settledCount, long settledAmount, long returnedCount, long returnedAmount,
      long outstandingCount, long outstandingAmount) {
    public static final FileOutcome NONE = new FileOutcome(0, 0, 0, 0, 0, 0);
  }

  /** The outcome of each of the files, by file id; a file without payments is absent. */
  public static Future<Map<String, FileOutcome>> outcomesByFile(SqlClient client, List<String> fileIds) {
    if (fileIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return client.preparedQuery(OUTCOMES_BY_FILE).execute(Tuple.of((Object) fileIds.toArray(String[]::new)))
        .map(rows -> {
          Map<String, FileOutcome> out = new HashMap<>(rows.size() * 2);
          for (Row r : rows) {
            out.put(r.getString("clearing_file_id"), new FileOutcome(r.getLong("settled_count"),
                r.getLong("settled_amount"), r.getLong("returned_count"), r.getLong("returned_amount"),
                r.getLong("outstanding_count"), r.getLong("outstanding_amount")));
          }
          return out;
        });
  }

  /** Up to {@code limit} submitted payments of these files, locked (skipping those locked elsewhere). */
  public static Future<List<PaymentRef>> submittedInFiles(SqlConnection conn, List<String> fileIds, int limit) {
    return conn.preparedQuery(SUBMITTED_IN_FILES).execute(Tuple.of(fileIds.toArray(String[]::new), limit))
        .map(PaymentQueries::refs);
  }

  /** Those of the files that still have a payment submitted or in review. */
  public static Future<Set<String>> filesAwaitingSettlement(SqlConnection conn, List<String> fileIds) {
    return conn.preparedQuery(FILES_AWAITING_SETTLEMENT).execute(Tuple.of((Object) fileIds.toArray(String[]::new)))
        .map(rows -> {
          Set<String> out = new HashSet<>();
          rows.forEach(r -> out.add(r.getString(0)));
          return out;
        });
  }

  private static Future<List<PaymentRef>> inFile(SqlConnection conn, String fileId, Set<PaymentStatus> states) {
    String[] wires = states.stream().map(PaymentStatus::wire).toArray(String[]::new);
    return conn.preparedQuery(IN_FILE).execute(Tuple.of(fileId, (Object) wires)).map(PaymentQueries::refs);
  }

  private static List<PaymentRef> refs(RowSet<Row> rows) {
    List<PaymentRef> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(new PaymentRef(r.getString("id"), r.getString("client_id"))));
    return out;
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
