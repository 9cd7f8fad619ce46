package dev.billpay.expectedpayments;

import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.events.CloudEvents;
import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import dev.billpay.http.ListEnvelope;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Expected payments: create (idempotent, the counterparty's account sealed), read, list, archive, and their
 * events. Every change commits with its event in one transaction; bank transactions reconcile them through
 * {@link ExpectedPaymentReconciliations}, and the window passing through {@link OverdueSweep}.
 */
public final class ExpectedPaymentService {
  private final ExpectedPaymentRepository repository;
  private final IdempotentTransactions idempotency;
  private final AccountNumberCipher cipher;
  private final ExpectedPaymentHistory history;
  private final Clock clock;

  public ExpectedPaymentService(ExpectedPaymentRepository repository, IdempotentTransactions idempotency,
      AccountNumberCipher cipher, ExpectedPaymentHistory history, Clock clock) {
    this.repository = repository;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.history = history;
    this.clock = clock;
  }

  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreateExpectedPaymentRequest req) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = Ids.newId("ep");
    String account = req.counterpartyAccount();
    ExpectedPayment payment = new ExpectedPayment(id, clientId, req.direction(), req.exactAmount(), req.minMinor(),
        req.maxMinor(), req.currency(), req.windowStart(), req.windowEnd(), req.counterpartyName(),
        account == null ? null : account.substring(account.length() - 4), req.reference(), req.metadata(),
        ExpectedPaymentStatus.UNRECONCILED, 0, 1, now, now);
    AccountNumberCipher.Sealed sealed = account == null ? null : cipher.seal(account, id);
    OutboxWriter.Pending created = ExpectedPaymentEvents.of(ResourceEvents.EXPECTED_PAYMENT_CREATED, payment,
        List.of());
    return idempotency.run(clientId, key, fingerprint, now, conn -> ExpectedPaymentRepository
        .insert(conn, payment, sealed)
        .compose(v -> OutboxWriter.append(conn, created.cloudEvent(), created.key(), now))
        .map(v -> Reply.created(payment.toJson(List.of()).encode())));
  }

  public Future<JsonObject> get(String clientId, String id) {
    return repository.find(clientId, id).compose(found -> {
      ExpectedPayment payment = found.orElseThrow(() -> notFound(id));
      return repository.transactionsOf(List.of(id)).map(t -> payment.toJson(t.get(id)));
    });
  }

  public Future<JsonObject> list(ExpectedPaymentQuery query) {
    return repository.list(query).compose(rows -> repository
        .transactionsOf(rows.stream().map(ExpectedPayment::id).toList())
        .map(transactions -> query.page().page(rows, p -> p.toJson(transactions.get(p.id())), ExpectedPayment::id)));
  }

  /**
   * Archives it: it is never matched again. A reconciled one is refused (the money arrived; archiving would hide
   * it); archiving an archived one answers it as it is.
   */
  public Future<Reply> archive(String clientId, String key, byte[] fingerprint, String id) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return idempotency.run(clientId, key, fingerprint, now, conn -> ExpectedPaymentRepository
        .archive(conn, clientId, id, ExpectedPaymentStatusRules.ARCHIVABLE, now).compose(archived -> {
          if (archived.isPresent()) {
            ExpectedPayment p = archived.get();
            return ExpectedPaymentRepository.transactionsOf(conn, List.of(id)).compose(t -> {
              OutboxWriter.Pending event = ExpectedPaymentEvents.of(ResourceEvents.EXPECTED_PAYMENT_ARCHIVED, p,
                  t.get(id));
              return OutboxWriter.append(conn, event.cloudEvent(), event.key(), now)
                  .map(v -> Reply.ok(p.toJson(t.get(id)).encode()));
            });
          }
          return ExpectedPaymentRepository.find(conn, clientId, id).compose(found -> {
            ExpectedPayment current = found.orElseThrow(() -> notFound(id));
            if (current.status() != ExpectedPaymentStatus.ARCHIVED) {
              throw new DomainException(ProblemType.ILLEGAL_TRANSITION, "A " + current.status().wire()
                  + " expected payment cannot be archived: the money it expected was received.");
            }
            return ExpectedPaymentRepository.transactionsOf(conn, List.of(id))
                .map(t -> Reply.ok(current.toJson(t.get(id)).encode()));
          });
        }));
  }

  /** Its events from the history store, oldest first; ownership is checked in PostgreSQL first. */
  public Future<JsonObject> events(String clientId, String id, Context context) {
    return repository.find(clientId, id).compose(found -> {
      found.orElseThrow(() -> notFound(id));
      return history.eventsOf(id, context);
    }).map(events -> {
      JsonArray data = new JsonArray();
      events.stream().filter(e -> clientId.equals(e.getString(CloudEvents.CLIENT_ID_ATTRIBUTE))).forEach(data::add);
      return ListEnvelope.whole(data);
    });
  }

  private static DomainException notFound(String id) {
    return DomainException.notFound("Expected payment " + id);
  }
}
