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
  private final AccountVerificationService verifications;
  private final Clock clock;

  public FundingAccountService(FundingAccountRepository accounts, IdempotentTransactions idempotency,
      BankAccountValidator validator, AccountNumberCipher cipher, AccountVerificationService verifications,
      Clock clock) {
    this.accounts = accounts;
    this.idempotency = idempotency;
    this.validator = validator;
    this.cipher = cipher;
    this.verifications = verifications;
    this.clock = clock;
  }

  /**
   * Creates the account and, when the request names a verification method, starts its verification in the
   * same transaction (the external verifier is asked first, so no transaction waits on it).
   */
  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreateFundingAccountRequest req) {
    List<ValidationProblem> problems = validate(req);
    if (!problems.isEmpty()) {
      throw refusal(problems);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = Ids.newId("fa");
    boolean us = FundingAccount.US.equals(req.type());
    String number = us ? req.accountNumber() : Iban.electronicFormat(req.iban());
    FundingAccount account = new FundingAccount(id, clientId, req.type(), req.holderName(),
        us ? req.routingNumber() : null, us ? req.accountType() : null, us ? null : number.substring(0, 2),
        number.substring(number.length() - 4), "active", null, now, now, Verification.NONE);
    AccountNumberCipher.Sealed sealed = cipher.seal(number, id);
    VerificationMethod method = req.verificationMethod();
    Future<AccountVerifier.Answer> asked = method == VerificationMethod.EXTERNAL
        ? verifications.ask(req.routingNumber(), req.accountNumber(), req.accountType(), req.holderName())
        : Future.succeededFuture(null);
    return asked.compose(answer -> idempotency.run(clientId, key, fingerprint, now, conn ->
        accounts.insert(conn, account, sealed)
            .compose(v -> method == null ? Future.succeededFuture(account)
                : verifications.begin(conn, account, method, answer, now))
            .map(created -> Reply.created(created.toJson().encode()))));
  }

  /**
   * PATCH /v1/funding-accounts/{id}: new holder or bank details, validated as a whole (the stored number is
   * opened when only the routing number or type changes). A new account number or routing number is a
   * different account to the bank, so its verification starts over: any attempt in progress is dropped and
   * the account is unverified again.
   */
  public Future<FundingAccount> update(String clientId, String id, UpdateFundingAccountRequest req) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return accounts.withTransaction(conn -> FundingAccountRepository.lock(conn, clientId, id)
        .compose(found -> {
          FundingAccount current = found.orElseThrow(() -> DomainException.notFound("Funding account " + id));
          if (req.changesBankDetails() && !FundingAccount.US.equals(current.type())) {
            throw DomainException.validation("routing_number", "an iban account's bank details do not change;"
                + " add a new funding account for a new IBAN");
          }
          return FundingAccountQueries.debitAccounts(conn, List.of(id)).compose(debit -> {
            String storedNumber = cipher.open(debit.get(id).number(), id);
            return applyUpdate(conn, current, storedNumber, req, now);
          });
        }));
  }

  private Future<FundingAccount> applyUpdate(SqlConnection conn, FundingAccount current, String storedNumber,
      UpdateFundingAccountRequest req, Instant now) {
    boolean us = FundingAccount.US.equals(current.type());
    String routing = req.routingNumber() == null ? current.routingNumber() : req.routingNumber();
    String number = req.accountNumber() == null ? storedNumber : req.accountNumber();
    String accountType = req.accountType() == null ? current.accountType() : req.accountType();
    if (us) {
      List<ValidationProblem> problems = validator.validateUs(routing, number, accountType);
      if (!problems.isEmpty()) {
        throw refusal(problems);
      }
    }
    boolean newAccountAtTheBank = us && (!routing.equals(current.routingNumber()) || !number.equals(storedNumber));
    AccountNumberCipher.Sealed sealed = number.equals(storedNumber) ? null : cipher.seal(number, current.id());
    FundingAccount changed = new FundingAccount(current.id(), current.clientId(), current.type(),
        req.holderName() == null ? current.holderName() : req.holderName(), routing, accountType, current.country(),
        sealed == null ? current.last4() : number.substring(number.length() - 4), current.status(),
        current.blockedReason(), current.createdAt(), now,
        newAccountAtTheBank ? Verification.NONE : current.verification());
    Future<Void> dropped = newAccountAtTheBank ? AccountVerificationRepository.supersedeOpen(conn, current.id(), now)
        : Future.succeededFuture();
    return dropped.compose(v -> FundingAccountRepository.updateDetails(conn, changed, sealed, now))
        .compose(v -> OutboxWriter.append(conn, ResourceEvents.of(SOURCE, ResourceEvents.FUNDING_ACCOUNT_UPDATED,
            current.id(), v.version(), now, current.clientId(), v.account().toJson()), current.id(), now)
            .map(v.account()));
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
   * The 422 for an account that failed validation. Details that are right except that ACH cannot
   * reach the bank get a type of their own: nothing the customer can retype fixes that, another
   * bank account does. With other problems too, every problem is listed under bank-account-invalid.
   */
  private static DomainException refusal(List<ValidationProblem> problems) {
    List<FieldError> errors = problems.stream()
        .map(p -> new FieldError(p.field(), p.message(), p.code(), p.suggestion())).toList();
    if (problems.stream().allMatch(p -> BankAccountValidator.NOT_ACH_PARTICIPANT.equals(p.code()))) {
      return new DomainException(ProblemType.ROUTING_NUMBER_NOT_ACH_PARTICIPANT,
          "The routing number is not a FedACH participant, so this account cannot be debited by ACH.", errors);
    }
    return new DomainException(ProblemType.BANK_ACCOUNT_INVALID,
        "The bank account details failed validation; see errors for every problem.", errors);
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
    problems.forEach(p -> {
      JsonObject problem = new JsonObject().put("code", p.code()).put("field", p.field()).put("message", p.message());
      if (p.suggestion() != null) {
        problem.put("suggestion", p.suggestion());
      }
      list.add(problem);
    });
    JsonObject result = new JsonObject().put("object", "bank_account_validation").put("type", req.type())
        .put("valid", problems.isEmpty()).put("problems", list);
    if (FundingAccount.US.equals(req.type())) {
      validator.bankName(req.routingNumber()).ifPresent(name -> result.put("bank_name", name));
    }
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
