package dev.billpay.expectedpayments;

import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.events.OutboxWriter;
import dev.billpay.expectedpayments.ExpectedPaymentRepository.Locked;
import dev.billpay.expectedpayments.ExpectedPaymentRepository.NewTransaction;
import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.ExpectedPaymentLedger;
import dev.billpay.reconciliation.matching.Expectation;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected payments side of reconciliation, always in the caller's (the bank file's) transaction: which
 * expectations are open, and what the matching engine gave them. A transaction is recorded once per expected
 * payment, known by its bank file and locator, so importing the same file again adds nothing, changes no status
 * and writes no event. An expected payment no allocation names is not read, locked or changed.
 */
public final class ExpectedPaymentReconciliations implements ExpectedPaymentLedger {
  private final AccountNumberCipher cipher;
  private final ExpectedPaymentStatusRules rules;

  public ExpectedPaymentReconciliations(AccountNumberCipher cipher, ExpectedPaymentStatusRules rules) {
    this.cipher = cipher;
    this.rules = rules;
  }

  @Override
  public Future<List<Expectation>> open(SqlConnection conn, LocalDate from, LocalDate to) {
    return ExpectedPaymentRepository.lockOpen(conn, ExpectedPaymentStatusRules.OPEN, from, to)
        .map(rows -> rows.stream().map(this::toExpectation).toList());
  }

  private Expectation toExpectation(Locked row) {
    ExpectedPayment p = row.payment();
    // opened only here, for the engine to compare: never logged, never in an event
    String account = row.account() == null ? null : cipher.open(row.account(), p.id());
    return new Expectation(p.id(), p.clientId(), p.direction().flow(), p.minMinor(), p.maxMinor(), p.currency(),
        p.windowStart(), p.windowEnd(), p.reference(), p.counterpartyName(), account, p.reconciledMinor());
  }

  @Override
  public Future<Void> record(SqlConnection conn, List<Allocation> allocations, Instant at) {
    if (allocations.isEmpty()) {
      return Future.succeededFuture();
    }
    Instant now = at.truncatedTo(ChronoUnit.MILLIS);
    List<String> ids = allocations.stream().map(Allocation::expectationId).distinct().sorted().toList();
    return ExpectedPaymentRepository.lock(conn, ids).compose(locked -> {
      // an archived or reconciled one (or an unknown id) takes nothing: it is not open to matching any more
      List<NewTransaction> rows = allocations.stream()
          .filter(a -> locked.containsKey(a.expectationId())
              && ExpectedPaymentStatusRules.OPEN.contains(locked.get(a.expectationId()).status()))
          .map(a -> toRow(a, now)).toList();
      return ExpectedPaymentRepository.insertTransactions(conn, rows)
          .compose(added -> apply(conn, locked, received(rows, added), now));
    });
  }

  private static NewTransaction toRow(Allocation a, Instant at) {
    BankTransaction t = a.transaction();
    return new NewTransaction(a.expectationId(), a.bankFileId(), t.locator(), t.line(), a.amountMinor(),
        t.valueDate(), t.bankReference(), a.rule(), at);
  }

  /** What each expected payment newly received; those whose transactions were all recorded before are absent. */
  private static Map<String, Long> received(List<NewTransaction> rows, List<Long> added) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (added.get(i) > 0) {
        out.merge(rows.get(i).expectedPaymentId(), added.get(i), Long::sum);
      }
    }
    return out;
  }

  private Future<Void> apply(SqlConnection conn, Map<String, ExpectedPayment> locked, Map<String, Long> received,
      Instant at) {
    if (received.isEmpty()) {
      return Future.succeededFuture();
    }
    List<ExpectedPayment> changed = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, Long> e : received.entrySet()) {
      ExpectedPayment before = locked.get(e.getKey());
      long total = Math.addExact(before.reconciledMinor(), e.getValue());
      ExpectedPaymentStatus after = rules.afterReceiving(before.status(), total, before.minMinor(),
          before.maxMinor());
      chain = chain.compose(v -> ExpectedPaymentRepository.reconciled(conn, before.id(), total, after, at))
          .map(p -> {
            changed.add(p);
            return null;
          });
    }
    return chain.compose(v -> ExpectedPaymentRepository.transactionsOf(conn, List.copyOf(received.keySet())))
        .compose(transactions -> OutboxWriter.appendAll(conn, changed.stream()
            .map(p -> ExpectedPaymentEvents.of(ExpectedPaymentEvents.ofReceiving(p.status()), p,
                transactions.get(p.id())))
            .toList(), at));
  }
}
