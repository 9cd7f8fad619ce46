package dev.billpay.payees;

import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.http.Pagination;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Payees: create, read, list, soft delete. */
public final class PayeeService {
  private final PayeeRepository payees;
  private final IdempotentTransactions idempotency;
  private final AccountNumberCipher cipher;
  private final Clock clock;

  public PayeeService(PayeeRepository payees, IdempotentTransactions idempotency, AccountNumberCipher cipher,
      Clock clock) {
    this.payees = payees;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.clock = clock;
  }

  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreatePayeeRequest req) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String number = req.accountNumber();
    Payee payee = new Payee(Ids.newId("pe"), clientId, req.displayName(), req.billerId(),
        number.substring(number.length() - 4), "active", now);
    AccountNumberCipher.Sealed sealed = cipher.seal(number, payee.id());
    return idempotency.run(clientId, key, fingerprint, now,
        conn -> payees.insert(conn, payee, sealed).map(v -> Reply.created(payee.toJson().encode())));
  }

  public Future<Payee> get(String clientId, String id) {
    return payees.find(clientId, id).map(p -> p.orElseThrow(() -> DomainException.notFound("Payee " + id)));
  }

  public Future<JsonObject> list(String clientId, Pagination page) {
    return payees.list(clientId, page.startingAfter(), page.limit() + 1)
        .map(rows -> page.page(rows, Payee::toJson, Payee::id));
  }

  /** Soft delete; deleting a deleted payee answers it again (DELETE is idempotent). */
  public Future<Payee> delete(String clientId, String id) {
    return payees.softDelete(clientId, id, clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .compose(deleted -> deleted.isPresent() ? Future.succeededFuture(deleted.get()) : get(clientId, id));
  }
}
