package dev.billpay.reconciliation;

import dev.billpay.clearing.ClearingFiles;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.reconciliation.BankFileRepository.NewException;
import dev.billpay.reconciliation.BankFileRepository.NewMatch;
import dev.billpay.reconciliation.BankTransaction.Flow;
import dev.billpay.reconciliation.ExpectedPaymentLedger.Allocation;
import dev.billpay.reconciliation.matching.Decision;
import dev.billpay.reconciliation.matching.MatchingEngine;
import dev.billpay.reconciliation.matching.OwnEntry;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the transactions of a bank statement, notification or push message, whatever its format: the {@link
 * MatchingEngine} decides, this class makes it so, in the import's transaction. A clearing file's settlement settles
 * the file and every payment in it still awaiting settlement (the bank had the file, whatever its hand-over looked
 * like); a returned entry's settlement is recorded against its payment; what reconciles expected payments is handed
 * to the {@link ExpectedPaymentLedger}; everything else is an exception for a person.
 */
final class TransactionApplier {
  /** How far around a statement's dates an expected payment's window may lie and a reference still find it. */
  private static final int EXPECTATION_REACH_DAYS = 90;

  /** What the transactions did. */
  record Outcome(int filesSettled, int paymentsSettled, int returnSettlements, int expectedPaymentsReconciled,
      List<NewException> exceptions, List<NewMatch> matches) {}

  private final PaymentTransitions transitions;
  private final ExpectedPaymentLedger expected;
  private final MatchingEngine engine;
  private final int windowDays;

  TransactionApplier(PaymentTransitions transitions, ExpectedPaymentLedger expected, MatchingEngine engine,
      int windowDays) {
    this.transitions = transitions;
    this.expected = expected;
    this.engine = engine;
    this.windowDays = windowDays;
  }

  Future<Outcome> apply(SqlConnection conn, String bankFileId, List<BankTransaction> transactions, Instant at) {
    if (transactions.isEmpty()) {
      return Future.succeededFuture(new Outcome(0, 0, 0, 0, List.of(), List.of()));
    }
    LocalDate first = transactions.stream().map(BankTransaction::valueDate).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = transactions.stream().map(BankTransaction::valueDate).max(LocalDate::compareTo).orElseThrow();
    LocalDate from = first.minusDays(windowDays + 7L);
    LocalDate to = last.plusDays(windowDays + 7L);
    return ownEntries(conn, from, to).compose(own -> expected.open(conn, first.minusDays(EXPECTATION_REACH_DAYS),
            last.plusDays(EXPECTATION_REACH_DAYS))
        .compose(expectations -> make(conn, bankFileId, transactions, engine.match(transactions, expectations, own),
            settlingOnCredit(own), at)));
  }

  /** Our own money movements the bank may report: unsettled clearing files, returns not yet seen settling. */
  private static Future<List<OwnEntry>> ownEntries(SqlConnection conn, LocalDate from, LocalDate to) {
    return ClearingFiles.notSettledBetween(conn, from, to).compose(files -> {
      List<OwnEntry> own = new ArrayList<>();
      for (ClearingFiles.Unsettled f : files) {
        if (f.totalDebit() > 0) {
          own.add(new OwnEntry(f.id(), OwnEntry.Kind.CLEARING_FILE_SETTLEMENT, Flow.CREDIT, f.totalDebit(), "USD",
              f.effectiveDate(), f.id()));
        }
        if (f.totalCredit() > 0) {
          own.add(new OwnEntry(f.id(), OwnEntry.Kind.CLEARING_FILE_SETTLEMENT, Flow.DEBIT, f.totalCredit(), "USD",
              f.effectiveDate(), f.id()));
        }
      }
      return PaymentQueries.returnedBetween(conn, from.atStartOfDay().toInstant(ZoneOffset.UTC),
          to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).compose(returned ->
          BankFileRepository.returnSettlementsMatched(conn, returned.stream().map(PaymentQueries.Returned::id).toList())
              .map(seen -> {
                for (PaymentQueries.Returned r : returned) {
                  if (!seen.contains(r.id())) {
                    own.add(new OwnEntry(r.id(), OwnEntry.Kind.RETURN_SETTLEMENT, Flow.DEBIT, r.amount(),
                        r.currency(), LocalDate.ofInstant(r.returnedAt(), ZoneOffset.UTC), r.traceNumber()));
                  }
                }
                return own;
              }));
    });
  }

  private Future<Outcome> make(SqlConnection conn, String bankFileId, List<BankTransaction> transactions,
      List<Decision> decisions, Set<String> settlingOnCredit, Instant at) {
    List<NewException> exceptions = new ArrayList<>();
    List<NewMatch> matches = new ArrayList<>();
    List<Allocation> allocations = new ArrayList<>();
    int[] counts = new int[3];
    Future<Void> chain = Future.succeededFuture();
    for (Decision decision : decisions) {
      BankTransaction t = transactions.get(decision.index());
      if (decision instanceof Decision.Settled s) {
        chain = chain.compose(v -> settled(conn, t, s, settlingOnCredit, at, matches, counts));
      } else if (decision instanceof Decision.Reconciled r) {
        for (Decision.Allocation a : r.allocations()) {
          allocations.add(new Allocation(a.expectationId(), a.amountMinor(), bankFileId, t, r.rule().code()));
        }
        matches.add(NewMatch.of(t, "expected_payment", r.rule().code(), null, null));
      } else if (decision instanceof Decision.Unmatched u) {
        exceptions.add(NewException.of(t, u.reason(), u.detail(), null));
      }
    }
    return chain.compose(v -> expected.record(conn, allocations, at))
        .map(v -> new Outcome(counts[0], counts[1], counts[2],
            (int) allocations.stream().map(Allocation::expectationId).distinct().count(), exceptions, matches));
  }

  private Future<Void> settled(SqlConnection conn, BankTransaction t, Decision.Settled s,
      Set<String> settlingOnCredit, Instant at, List<NewMatch> matches, int[] counts) {
    OwnEntry entry = s.entry();
    String rule = s.rule().code();
    switch (entry.kind()) {
      case CLEARING_FILE_SETTLEMENT -> {
        matches.add(NewMatch.of(t, "ach_settlement", rule, entry.id(), null));
        // a file of debits settles on the credit for them; a file of credits only on the debit for them
        if (entry.flow() == Flow.CREDIT || !settlingOnCredit.contains(entry.id())) {
          counts[0]++;
          return settleFile(conn, entry.id(), at).map(n -> {
            counts[1] += n;
            return null;
          });
        }
        return Future.succeededFuture();
      }
      case RETURN_SETTLEMENT -> {
        matches.add(NewMatch.of(t, "return_settlement", rule, null, entry.id()));
        counts[2]++;
        return Future.succeededFuture();
      }
      default -> {
        matches.add(NewMatch.of(t, "reversal", rule, null, entry.id()));
        return Future.succeededFuture();
      }
    }
  }

  /** The clearing files that hold debits: they settle on the bank's credit for them, not on a debit. */
  private static Set<String> settlingOnCredit(List<OwnEntry> own) {
    return own.stream().filter(e -> e.kind() == OwnEntry.Kind.CLEARING_FILE_SETTLEMENT && e.flow() == Flow.CREDIT)
        .map(OwnEntry::id).collect(Collectors.toSet());
  }

  private Future<Integer> settleFile(SqlConnection conn, String fileId, Instant at) {
    return PaymentQueries.awaitingSettlementInFile(conn, fileId).compose(payments ->
        transitions.applyAll(conn, payments, PaymentStatus.SETTLED, at)
            .compose(v -> ClearingFiles.settle(conn, fileId, at))
            .map(payments.size()));
  }
}
