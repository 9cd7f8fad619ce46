package dev.billpay.reconciliation;

import dev.billpay.payments.PaymentRef;
import dev.billpay.payments.PaymentRepository;
import dev.billpay.payments.PaymentStateMachine;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.reconciliation.BankFileRepository.NewException;
import dev.billpay.reconciliation.BankFileRepository.NewMatch;
import dev.billpay.reconciliation.bai2.Bai2File;
import dev.billpay.reconciliation.bai2.Transaction;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a BAI2 statement: the {@link StatementMatcher} decides, this class makes it so. An ACH
 * settlement credit settles its clearing file and every payment in it still submitted or in review
 * (the credit shows the bank had the file, whatever its hand-over looked like); an incoming
 * credit matched to a submitted payment settles that payment; every other line is an exception.
 */
final class StatementApplier {
  private static final String OPEN_FILES = "SELECT id, total_debit, effective_date FROM clearing_files"
      + " WHERE status <> 'settled' AND effective_date BETWEEN $1 AND $2";
  private static final String EXPECTED = "SELECT id, reference, amount, currency, effective_date FROM payments"
      + " WHERE status = 'submitted' AND effective_date BETWEEN $1 AND $2";
  private static final String FILE_PAYMENTS = "SELECT id, client_id FROM payments"
      + " WHERE clearing_file_id = $1 AND status IN ('submitted', 'needs_review') ORDER BY id FOR UPDATE";
  private static final String PAYMENT_OWNER = "SELECT client_id, status FROM payments WHERE id = $1 FOR UPDATE";
  private static final String FILE_SETTLED = "UPDATE clearing_files SET status = 'settled', settled_at = $2"
      + " WHERE id = $1";

  /** What the statement did. */
  record Outcome(int filesSettled, int paymentsSettled, List<NewException> exceptions, List<NewMatch> matches) {}

  private final PaymentTransitions transitions;
  private final StatementMatcher matcher;

  StatementApplier(PaymentTransitions transitions, int windowDays) {
    this.transitions = transitions;
    this.matcher = new StatementMatcher(0, windowDays);
  }

  Future<Outcome> apply(SqlConnection conn, Bai2File statement, int windowDays, Instant at) {
    List<Transaction> transactions = statement.transactions();
    if (transactions.isEmpty()) {
      return Future.succeededFuture(new Outcome(0, 0, List.of(), List.of()));
    }
    LocalDate from = transactions.stream().map(Transaction::valueDate).min(LocalDate::compareTo).orElseThrow()
        .minusDays(windowDays + 7L);
    LocalDate to = transactions.stream().map(Transaction::valueDate).max(LocalDate::compareTo).orElseThrow()
        .plusDays(windowDays + 7L);
    return conn.preparedQuery(OPEN_FILES).execute(Tuple.of(from, to)).compose(files -> {
      List<ClearingFileCandidate> fileCandidates = new ArrayList<>();
      for (Row r : files) {
        fileCandidates.add(new ClearingFileCandidate(r.getString("id"), r.getLong("total_debit"), "USD",
            r.getLocalDate("effective_date")));
      }
      return conn.preparedQuery(EXPECTED).execute(Tuple.of(from, to)).compose(payments -> {
        List<ExpectedPayment> expected = new ArrayList<>();
        for (Row r : payments) {
          expected.add(new ExpectedPayment(r.getString("id"), r.getString("reference"), r.getLong("amount"),
              r.getString("currency").trim(), r.getLocalDate("effective_date")));
        }
        return applyAll(conn, transactions, matcher.match(transactions, fileCandidates, expected), at);
      });
    });
  }

  private Future<Outcome> applyAll(SqlConnection conn, List<Transaction> transactions, List<MatchResult> results,
      Instant at) {
    Map<Integer, Transaction> byLine = new HashMap<>();
    transactions.forEach(t -> byLine.put(t.line(), t));
    List<NewException> exceptions = new ArrayList<>();
    List<NewMatch> matches = new ArrayList<>();
    int[] counts = new int[2];
    Future<Void> chain = Future.succeededFuture();
    for (MatchResult result : results) {
      Transaction t = byLine.get(result.txLine());
      if (result instanceof MatchResult.FileSettled f) {
        matches.add(new NewMatch(t.line(), "ach_settlement", t.valueDate(), t.amountMinor(), f.clearingFileId(),
            null));
        counts[0]++;
        chain = chain.compose(v -> settleFile(conn, f.clearingFileId(), at).map(n -> {
          counts[1] += n;
          return null;
        }));
      } else if (result instanceof MatchResult.PaymentMatched p) {
        chain = chain.compose(v -> settlePayment(conn, p.paymentId(), at)).map(settled -> {
          if (settled) {
            matches.add(new NewMatch(t.line(), "incoming_credit", t.valueDate(), t.amountMinor(), null,
                p.paymentId()));
            counts[1]++;
          } else {
            // e.g. the same statement's settlement credit already settled its file
            exceptions.add(new NewException(t.line(), MatchResult.Reason.DUPLICATE_MATCH.code(), "the credit matches "
                + "payment " + p.paymentId() + ", which is no longer awaiting settlement", t.amountMinor(),
                t.currency(), t.valueDate(), p.paymentId()));
          }
          return null;
        });
      } else if (result instanceof MatchResult.Unmatched u) {
        exceptions.add(new NewException(t.line(), u.reason().code(), u.detail(), t.amountMinor(), t.currency(),
            t.valueDate(), null));
      }
    }
    return chain.map(v -> new Outcome(counts[0], counts[1], exceptions, matches));
  }

  private Future<Integer> settleFile(SqlConnection conn, String fileId, Instant at) {
    return conn.preparedQuery(FILE_PAYMENTS).execute(Tuple.of(fileId)).compose(rows -> {
      List<PaymentRef> payments = new ArrayList<>();
      rows.forEach(r -> payments.add(new PaymentRef(r.getString("id"), r.getString("client_id"))));
      return transitions.applyAll(conn, payments, PaymentStatus.SETTLED, at)
          .compose(v -> conn.preparedQuery(FILE_SETTLED)
              .execute(Tuple.of(fileId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))))
          .map(payments.size());
    });
  }

  /** Settles the payment if it still awaits settlement; false if something settled or returned it since. */
  private Future<Boolean> settlePayment(SqlConnection conn, String paymentId, Instant at) {
    return conn.preparedQuery(PAYMENT_OWNER).execute(Tuple.of(paymentId)).compose(rows -> {
      var row = rows.iterator().next();
      if (!PaymentStateMachine.allows(PaymentStatus.fromWire(row.getString("status")), PaymentStatus.SETTLED)) {
        return Future.succeededFuture(false);
      }
      return transitions.apply(conn, row.getString("client_id"), paymentId, PaymentStatus.SETTLED, at).map(true);
    });
  }
}
