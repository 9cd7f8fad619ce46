package dev.billpay.accounts;

import dev.billpay.banking.BankAccountValidator;
import dev.billpay.banking.Iban;
import dev.billpay.banking.ValidationProblem;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import dev.billpay.http.Pagination;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Funding accounts: validated by the banking module on creation, numbers sealed before they are stored. */
public final class FundingAccountService {
  public static final String SOURCE = "/billpay-gateway/funding-accounts";
  private final FundingAccountRepository accounts;
  private final IdempotentTransactions idempotency;
  private final BankAccountValidator validator;
  private final AccountNumberCipher cipher;
  private final Clock clock;

  public FundingAccountService(FundingAccountRepository accounts, IdempotentTransactions idempotency,
      BankAccountValidator validator, AccountNumberCipher cipher, Clock clock) {
    this.accounts = accounts;
    this.idempotency = idempotency;
    this.validator = validator;
    this.cipher = cipher;
    this.clock = clock;
  }

  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreateFundingAccountRequest req) {
    List<ValidationProblem> problems = validate(req);
    if (!problems.isEmpty()) {
      throw new DomainException(ProblemType.BANK_ACCOUNT_INVALID,
          "The bank account details failed validation; see errors for every problem.",
          problems.stream().map(p -> new FieldError(p.field(), p.message(), p.code())).toList());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = Ids.newId("fa");
    boolean us = FundingAccount.US.equals(req.type());
    String number = us ? req.accountNumber() : Iban.electronicFormat(req.iban());
    FundingAccount account = new FundingAccount(id, clientId, req.type(), req.holderName(),
        us ? req.routingNumber() : null, us ? req.accountType() : null, us ? null : number.substring(0, 2),
        number.substring(number.length() - 4), "active", null, now, now);
    AccountNumberCipher.Sealed sealed = cipher.seal(number, id);
    return idempotency.run(clientId, key, fingerprint, now,
        conn -> accounts.insert(conn, account, sealed).map(v -> Reply.created(account.toJson().encode())));
  }

  /**
   * Blocks the account for new debits (e.g. a return with R02 "account closed") in the caller's
   * transaction, with its event. Blocking an account that is already blocked changes nothing.
   */
  public static Future<Boolean> block(SqlConnection conn, String clientId, String id, String reason, Instant at) {
    return FundingAccountRepository.block(conn, clientId, id, reason, at).compose(blocked -> blocked
        .map(v -> OutboxWriter.append(conn, ResourceEvents.of(SOURCE, ResourceEvents.FUNDING_ACCOUNT_BLOCKED,
            v.account().id(), v.version(), at, clientId, v.account().toJson()), v.account().id(), at).map(true))
        .orElse(Future.succeededFuture(false)));
  }

  /**
   * Applies a correction of a US bank account (a notification of change) in the caller's
   * transaction: the corrected routing number, account number (sealed) and account type replace the
   * old ones, the change is audited (old and new values, account numbers by their last four digits)
   * and published as {@code billpay.funding_account.updated}. Every entry made from the account
   * afterwards uses the corrected data, since clearing reads the account at each cut-off. Empty,
   * changing nothing, when the client has no such US bank account. The one way an account's bank
   * details change after creation: whatever must follow such a change belongs here.
   */
  public Future<Optional<FundingAccount>> applyCorrection(SqlConnection conn, String clientId,
      String fundingAccountId, Correction correction, Instant at) {
    return FundingAccountRepository.lock(conn, clientId, fundingAccountId).compose(found -> {
      if (found.isEmpty() || !FundingAccount.US.equals(found.get().type())) {
        return Future.succeededFuture(Optional.<FundingAccount>empty());
      }
      FundingAccount before = found.get();
      String number = correction.accountNumber();
      AccountNumberCipher.Sealed sealed = number == null ? null : cipher.seal(number, fundingAccountId);
      return FundingAccountRepository.correct(conn, clientId, fundingAccountId, correction.routingNumber(),
              correction.accountType(), sealed, number == null ? null : last4(number), at)
          .compose(v -> FundingAccountRepository.recordChange(conn, Ids.newId("fac"), before, v.account(), correction,
                  at)
              .compose(done -> OutboxWriter.append(conn, ResourceEvents.of(SOURCE,
                  ResourceEvents.FUNDING_ACCOUNT_UPDATED, v.account().id(), v.version(), at, clientId,
                  v.account().toJson()), v.account().id(), at))
              .map(done -> Optional.of(v.account())));
    });
  }

  /** POST /v1/bank-account-validations: every problem with its code; nothing is stored. */
  public JsonObject check(CreateFundingAccountRequest req) {
    List<ValidationProblem> problems = validate(req);
    JsonArray list = new JsonArray();
    problems.forEach(p -> list.add(new JsonObject().put("code", p.code()).put("field", p.field())
        .put("message", p.message())));
    JsonObject result = new JsonObject().put("object", "bank_account_validation").put("type", req.type())
        .put("valid", problems.isEmpty()).put("problems", list);
    if (problems.isEmpty() && FundingAccount.IBAN.equals(req.type())) {
      result.put("iban_electronic_format_masked", "\u2022\u2022" + last4(Iban.electronicFormat(req.iban())));
    }
    return result;
  }

  public Future<FundingAccount> get(String clientId, String id) {
    return accounts.find(clientId, id).map(a -> a.orElseThrow(() -> DomainException.notFound("Funding account " + id)));
  }

  public Future<JsonObject> list(String clientId, Pagination page) {
    return accounts.list(clientId, page.startingAfter(), page.limit() + 1)
        .map(rows -> page.page(rows, FundingAccount::toJson, FundingAccount::id));
  }

  private List<ValidationProblem> validate(CreateFundingAccountRequest req) {
    return FundingAccount.US.equals(req.type())
        ? validator.validateUs(req.routingNumber(), req.accountNumber(), req.accountType())
        : validator.validateIban(req.iban());
  }

  private static String last4(String s) {
    return s.substring(Math.max(0, s.length() - 4));
  }
}
