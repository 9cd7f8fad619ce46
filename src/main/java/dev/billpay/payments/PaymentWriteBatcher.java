package dev.billpay.payments;

import dev.billpay.accounts.FundingAccountQueries;
import dev.billpay.events.OutboxWriter;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.CompletedClaim;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payees.PayeeQueries;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.Owned;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces the concurrent POST /v1/payments of one event loop into shared transactions: while a
 * batch is being written, new requests wait and go together into the next, so under load one
 * commit (one fsync) and a handful of batched statements carry many payments, and when idle a
 * request is written at once. The effect is exactly that of one transaction per request: each
 * request is checked, claims its idempotency key (stored with its answer), adds to its daily total
 * and writes its payment and outbox event; none is answered before the commit. Whatever a batch
 * cannot decide for every member at once (a daily limit reached, a duplicate reference, a lock
 * conflict, a failed commit) rolls it back and its requests take the one-transaction path, whose
 * idempotency keys make even an ambiguous commit safe to repeat. Not thread-safe: one per verticle.
 */
final class PaymentWriteBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentWriteBatcher.class);
  private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '10s'";

  private final Pool pool;
  private final PaymentRepository payments;
  private final long dailyLimit;
  private final int maxSize;
  private final int maxInFlight;
  private final Function<NewPayment, Future<Reply>> alone;
  private final IdempotentTransactions idempotency;
  private final GatewayMetrics metrics;
  private final DebitPolicy debits;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private int inFlight;

  private record Waiting(NewPayment payment, Promise<Reply> reply) {}

  /** A member refused by its checks, or whose key was taken (a replay); neither writes anything. */
  private record Outcome(DomainException refused, boolean written) {}

  private static final class DailyLimitReached extends RuntimeException {
    DailyLimitReached() {
      super("a daily limit was reached in the batch", null, false, false);
    }
  }

  PaymentWriteBatcher(Pool pool, PaymentRepository payments, IdempotentTransactions idempotency, long dailyLimit,
      DebitPolicy debits, int maxSize, int maxInFlight, GatewayMetrics metrics,
      Function<NewPayment, Future<Reply>> alone) {
    this.debits = debits;
    this.metrics = metrics;
    this.pool = pool;
    this.payments = payments;
    this.idempotency = idempotency;
    this.dailyLimit = dailyLimit;
    this.maxSize = maxSize;
    this.maxInFlight = maxInFlight;
    this.alone = alone;
  }

  Future<Reply> submit(NewPayment payment) {
    Promise<Reply> reply = Promise.promise();
    queue.add(new Waiting(payment, reply));
    drain();
    return reply.future();
  }

  private void drain() {
    while (inFlight < maxInFlight && !queue.isEmpty()) {
      List<Waiting> batch = nextBatch();
      inFlight++;
      write(batch).onComplete(ar -> {
        inFlight--;
        drain();
      });
    }
  }

  /**
   * Up to maxSize waiting requests with distinct idempotency keys: a second request with the same
   * key goes into a later batch, where it replays the first's answer (or runs, if the first failed).
   */
  private List<Waiting> nextBatch() {
    List<Waiting> batch = new ArrayList<>();
    List<Waiting> later = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    while (!queue.isEmpty() && batch.size() < maxSize) {
      Waiting w = queue.poll();
      (keys.add(w.payment().clientId() + '\n' + w.payment().key()) ? batch : later).add(w);
    }
    for (int i = later.size() - 1; i >= 0; i--) {
      queue.addFirst(later.get(i));
    }
    return batch;
  }

  private Future<Void> write(List<Waiting> batch) {
    List<NewPayment> members = batch.stream().map(Waiting::payment).toList();
    return pool.withTransaction(conn -> conn.query(LOCK_TIMEOUT).execute()
            .compose(v -> check(conn, members))
            .compose(refusals -> claimAndWrite(conn, members, refusals)))
        .compose(outcomes -> {
          metrics.paymentWriteBatch(batch.size(), true);
          return answer(batch, outcomes);
        })
        .recover(failure -> {
          metrics.paymentWriteBatch(batch.size(), false);
          if (!(failure instanceof DailyLimitReached)) {
            LOG.debug("payment batch of {} rolled back, writing its requests one by one: {}", batch.size(),
                failure.toString());
          }
          batch.forEach(w -> alone.apply(w.payment()).onComplete(w.reply()));
          return Future.succeededFuture();
        });
  }

  /** Each member's funding account and payee, in two round trips; null where the checks pass. */
  private Future<List<DomainException>> check(SqlConnection conn, List<NewPayment> members) {
    List<Owned> accounts = members.stream()
        .map(p -> new Owned(p.clientId(), p.request().fundingAccountId())).toList();
    List<Owned> payees = members.stream().map(p -> new Owned(p.clientId(), p.request().payeeId())).toList();
    return FundingAccountQueries.debitStatuses(conn, accounts, debits.achParticipant()).compose(statuses ->
        PayeeQueries.areActive(conn, payees).map(active -> {
          List<DomainException> refusals = new ArrayList<>(members.size());
          for (int i = 0; i < members.size(); i++) {
            refusals.add(PaymentService.referenceProblem(statuses.get(i), active.get(i), debits)
                .orElse(null));
          }
          return refusals;
        }));
  }

  private Future<List<Outcome>> claimAndWrite(SqlConnection conn, List<NewPayment> members,
      List<DomainException> refusals) {
    // keys claimed in one order by every batch, so two batches never wait on each other's keys
    List<Integer> checked = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (refusals.get(i) == null) {
        checked.add(i);
      }
    }
    checked.sort(Comparator.comparing((Integer i) -> members.get(i).clientId())
        .thenComparing(i -> members.get(i).key()));
    List<CompletedClaim> claims = checked.stream().map(members::get)
        .map(p -> new CompletedClaim(p.clientId(), p.key(), p.fingerprint(), p.at(), p.reply())).toList();
    return IdempotentTransactions.claimCompleted(conn, claims).compose(claimed -> {
      List<NewPayment> toWrite = new ArrayList<>();
      Outcome[] outcomes = new Outcome[members.size()];
      for (int i = 0; i < members.size(); i++) {
        outcomes[i] = new Outcome(refusals.get(i), false);
      }
      for (int c = 0; c < checked.size(); c++) {
        if (claimed.get(c)) {
          toWrite.add(members.get(checked.get(c)));
          outcomes[checked.get(c)] = new Outcome(null, true);
        }
      }
      return writeClaimed(conn, toWrite).map(v -> List.of(outcomes));
    });
  }

  /**
   * The payments and their events first, the daily totals last: a client's total is one row that
   * every concurrent batch of that client updates, so its lock is taken just before the commit and
   * held for the commit alone, not across the other statements' round trips as well.
   */
  private Future<Void> writeClaimed(SqlConnection conn, List<NewPayment> claimed) {
    if (claimed.isEmpty()) {
      return Future.succeededFuture();
    }
    return payments.insertAll(conn, claimed.stream().map(NewPayment::payment).toList())
        .compose(v -> OutboxWriter.appendAll(conn, claimed.stream()
            .map(p -> new OutboxWriter.Pending(p.event(), p.payment().id())).toList(), claimed.get(0).at()))
        .compose(v -> payments.addToDailyTotals(conn, dailyAmounts(claimed), dailyLimit))
        .compose(within -> within ? Future.<Void>succeededFuture()
            // who exactly goes over depends on the order: the one-by-one path decides it request by request
            : Future.failedFuture(new DailyLimitReached()));
  }

  /** The batch's amounts summed per client, day and currency, in one order for every batch. */
  private static List<PaymentRepository.DailyAmount> dailyAmounts(List<NewPayment> claimed) {
    Map<String, PaymentRepository.DailyAmount> totals = new TreeMap<>();
    for (NewPayment p : claimed) {
      String currency = p.payment().amount().currencyCode();
      totals.merge(p.clientId() + '\n' + p.day() + '\n' + currency,
          new PaymentRepository.DailyAmount(p.clientId(), p.day(), currency, p.payment().amount().minor()),
          (a, b) -> new PaymentRepository.DailyAmount(a.clientId(), a.day(), a.currency(), a.amount() + b.amount()));
    }
    return List.copyOf(totals.values());
  }

  /** After the commit: written ones get their answer, refused ones their problem, the rest a replay. */
  private Future<Void> answer(List<Waiting> batch, List<Outcome> outcomes) {
    for (int i = 0; i < batch.size(); i++) {
      Waiting w = batch.get(i);
      Outcome o = outcomes.get(i);
      if (o.refused() != null) {
        w.reply().fail(o.refused());
      } else if (o.written()) {
        w.reply().complete(w.payment().reply());
      } else {
        NewPayment p = w.payment();
        idempotency.replay(p.clientId(), p.key(), p.fingerprint()).onComplete(w.reply());
      }
    }
    return Future.succeededFuture();
  }
}
