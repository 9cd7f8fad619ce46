package dev.billpay.reconciliation;

import dev.billpay.clearing.ClearingFiles;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.reconciliation.BankFileRepository.NewException;
import dev.billpay.reconciliation.BankFileRepository.NewMatch;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a bank statement: the {@link StatementMatcher} decides, this class makes it so. An ACH
 * settlement credit settles its clearing file and every payment in it still submitted or in review
 * (the credit shows the bank had the file, whatever its hand-over looked like); an incoming
 * credit matched to a submitted payment settles that payment; every other line is an exception.
 */
final class StatementApplier {
  /** What the statement did. */
  record Outcome(int filesSettled, int paymentsSettled, List<NewException> exceptions, List<NewMatch> matches) {}

  private final PaymentTransitions transitions;
  private final StatementMatcher matcher;

  StatementApplier(PaymentTransitions transitions, int windowDays) {
    this.transitions = transitions;
    this.matcher = new StatementMatcher(0, windowDays);
  }

  Future<Outcome> apply(SqlConnection conn, List<BankTransaction> transactions, int windowDays, Instant at) {
    if (transactions.isEmpty()) {
      return Future.succeededFuture(new Outcome(0, 0, List.of(), List.of()));
    }
    LocalDate from = transactions.stream().map(BankTransaction::valueDate).min(LocalDate::compareTo).orElseThrow()
        .minusDays(windowDays + 7L);
    LocalDate to = transactions.stream().map(BankTransaction::valueDate).max(LocalDate::compareTo).orElseThrow()
        .plusDays(windowDays + 7L);
    return ClearingFiles.notSettledBetween(conn, from, to).compose(files -> {
      List<ClearingFileCandidate> fileCandidates = files.stream()
          .map(f -> new ClearingFileCandidate(f.id(), f.totalDebit(), "USD", f.effectiveDate())).toList();
      return PaymentQueries.submittedEffectiveBetween(conn, from, to).compose(payments -> {
        List<ExpectedPayment> expected = payments.stream()
            .map(p -> new ExpectedPayment(p.id(), p.reference(), p.amount(), p.currency(), p.effectiveDate()))
            .toList();
        return applyAll(conn, transactions, matcher.match(transactions, fileCandidates, expected), at);
      });
    });
  }

  private Future<Outcome> applyAll(SqlConnection conn, List<BankTransaction> transactions, List<MatchResult> results,
      Instant at) {
    Map<Integer, BankTransaction> byLine = new HashMap<>();
    transactions.forEach(t -> byLine.put(t.line(), t));
    List<NewException> exceptions = new ArrayList<>();
    List<NewMatch> matches = new ArrayList<>();
    int[] counts = new int[2];
    Future<Void> chain = Future.succeededFuture();
    for (MatchResult result : results) {
      BankTransaction t = byLine.get(result.txLine());
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
    return PaymentQueries.awaitingSettlementInFile(conn, fileId).compose(payments ->
        transitions.applyAll(conn, payments, PaymentStatus.SETTLED, at)
            .compose(v -> ClearingFiles.settle(conn, fileId, at))
            .map(payments.size()));
  }

  /** Settles the payment if it still awaits settlement; false if something settled or returned it since. */
  private Future<Boolean> settlePayment(SqlConnection conn, String paymentId, Instant at) {
    return transitions.applyIfAllowed(conn, paymentId, PaymentStatus.SETTLED, at);
  }
}
