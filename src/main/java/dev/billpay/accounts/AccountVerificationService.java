package dev.billpay.accounts;

import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Starting an account's validation and answering its micro-entries. A prenote or micro-entries wait
 * for the next clearing file ({@link VerificationEntries}); the external method asks the configured
 * {@link AccountVerifier} before anything is written, so no transaction waits on a third party.
 */
public final class AccountVerificationService {
  /** The holder may name the micro-entries this many times; then the account fails verification. */
  static final int MAX_ATTEMPTS = 3;
  /** Micro-entry credits are 1 to 99 cents: under $1.00, as the Rules' micro-entry definition says. */
  private static final int MAX_MICRO_CENTS = 99;

  private final Pool pool;
  private final IdempotentTransactions idempotency;
  private final AccountNumberCipher cipher;
  private final AccountVerifier verifier;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** {@code verifier} null: the external method is not offered. */
  public AccountVerificationService(Pool pool, IdempotentTransactions idempotency, AccountNumberCipher cipher,
      AccountVerifier verifier, Clock clock) {
    this.pool = pool;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.verifier = verifier;
    this.clock = clock;
  }

  /** POST /v1/funding-accounts/{id}/verifications: 200 with the account as it now stands. */
  public Future<Reply> start(String clientId, String accountId, String key, byte[] fingerprint,
      VerificationMethod method) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Future<Asked> asked = method == VerificationMethod.EXTERNAL ? askAbout(clientId, accountId)
        : Future.succeededFuture(null);
    return asked.compose(a -> idempotency.run(clientId, key, fingerprint, now,
        conn -> lockStartable(conn, clientId, accountId).compose(account -> {
          if (a != null && !a.sameDetails(account)) {
            throw conflict("The account changed while it was being verified; start again.");
          }
          return begin(conn, account, method, a == null ? null : a.answer(), now);
        }).map(account -> Reply.ok(account.toJson().encode()))));
  }

  /**
   * Starts verifying {@code account} in the caller's transaction: a prenote or micro-entries wait for the next
   * clearing file; the external verifier's {@code answer} (asked before the transaction) decides at once.
   */
  Future<FundingAccount> begin(SqlConnection conn, FundingAccount account, VerificationMethod method,
      AccountVerifier.Answer answer, Instant now) {
    String clientId = account.clientId();
    if (!FundingAccount.US.equals(account.type())) {
      return Future.failedFuture(notForIban());
    }
    if (method == VerificationMethod.EXTERNAL) {
      return answer.verified() ? VerificationTransitions.verified(conn, clientId, account.id(), method, now)
          : VerificationTransitions.failed(conn, clientId, account.id(), method, answer.reason(), now);
    }
    List<Integer> credits = method == VerificationMethod.MICRO_ENTRIES ? List.of(microAmount(), microAmount())
        : List.of();
    return AccountVerificationRepository.insert(conn, new AccountVerification(Ids.newId("av"), account.id(),
            clientId, method, AccountVerification.AWAITING_FILE, credits, 0, List.of(), null, null, null), now)
        .compose(v -> VerificationTransitions.pending(conn, clientId, account.id(), method, now));
  }

  /** Asks the external verifier about an account's details; 422 when none is configured. */
  Future<AccountVerifier.Answer> ask(String routingNumber, String accountNumber, String accountType,
      String holderName) {
    if (verifier == null) {
      return Future.failedFuture(new DomainException(ProblemType.VERIFICATION_METHOD_UNAVAILABLE,
          "No external account verifier is configured on this gateway.",
          List.of(new FieldError("verification_method", "external is not configured"))));
    }
    return verifier.verify(routingNumber, accountNumber, accountType, holderName);
  }

  /**
   * POST /v1/funding-accounts/{id}/verify: the holder names the two micro-entry credits, in any order.
   * A wrong answer is counted (and the third fails the account) even though the answer is a 422.
   */
  public Future<FundingAccount> verifyAmounts(String clientId, String accountId, List<Integer> amounts) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return pool.withTransaction(conn -> FundingAccountRepository.lock(conn, clientId, accountId)
        .compose(found -> found.isEmpty() ? Future.failedFuture(DomainException.notFound("Funding account " + accountId))
            : AccountVerificationRepository.lockOpen(conn, accountId))
        .compose(open -> {
          AccountVerification v = open.filter(o -> o.method() == VerificationMethod.MICRO_ENTRIES).orElse(null);
          if (v == null) {
            return Future.succeededFuture(Answered.rejected(
                conflict("No micro-entry verification of this account is in progress.")));
          }
          if (v.status().equals(AccountVerification.AWAITING_FILE)) {
            return Future.succeededFuture(Answered.rejected(
                conflict("The micro-entries are not sent yet: they go in the next clearing file.")));
          }
          if (!today.isBefore(v.decideOn())) {
            return VerificationTransitions.failAttempt(conn, v, v.attempts(), "the micro-entries expired unverified", now).map(a -> Answered.rejected(
                conflict("The micro-entries expired on " + v.decideOn() + "; start a new verification.")));
          }
          if (MicroEntries.matches(v.creditAmounts(), amounts)) {
            return VerificationTransitions.verifyAttempt(conn, v, v.attempts() + 1, now).map(Answered::verified);
          }
          int attempts = v.attempts() + 1;
          int left = MAX_ATTEMPTS - attempts;
          Future<?> counted = left > 0
              ? AccountVerificationRepository.setStatus(conn, v.id(), AccountVerification.SENT, null, attempts, now)
              : VerificationTransitions.failAttempt(conn, v, attempts,
                  "the micro-entry amounts were named wrong " + MAX_ATTEMPTS + " times", now);
          return counted.map(x -> Answered.rejected(new DomainException(ProblemType.VERIFICATION_AMOUNTS_MISMATCH,
              left > 0 ? "The amounts do not match the micro-entries; " + left + " attempt(s) left."
                  : "The amounts do not match the micro-entries; no attempts are left and the account failed"
                      + " verification.",
              List.of(new FieldError("amounts", "do not match the micro-entries (" + left + " attempt(s) left)")))));
        }))
        .map(answered -> {
          if (answered.refusal() != null) {
            throw answered.refusal();
          }
          return answered.account();
        });
  }

  /** The transaction's outcome: it commits either way, and a refusal is thrown only after. */
  private record Answered(FundingAccount account, DomainException refusal) {
    static Answered verified(FundingAccount account) {
      return new Answered(account, null);
    }

    static Answered rejected(DomainException refusal) {
      return new Answered(null, refusal);
    }
  }

  /** The account, locked, if a verification may start now: active, and neither verified nor pending. */
  private static Future<FundingAccount> lockStartable(SqlConnection conn, String clientId, String accountId) {
    return FundingAccountRepository.lock(conn, clientId, accountId).map(found -> {
      FundingAccount account = found.orElseThrow(() -> DomainException.notFound("Funding account " + accountId));
      if (!"active".equals(account.status())) {
        throw new DomainException(ProblemType.FUNDING_ACCOUNT_BLOCKED, "This funding account is blocked.",
            List.of(new FieldError("funding_account_id", "is blocked")));
      }
      VerificationStatus status = account.verification().status();
      if (status == VerificationStatus.VERIFICATION_PENDING || status == VerificationStatus.VERIFIED) {
        throw conflict("The account is " + status.wire() + "; a new verification starts only from unverified or"
            + " verification_failed.");
      }
      return account;
    });
  }

  /** The external verifier's answer and the details it was given, to check they still hold when it is written. */
  private record Asked(AccountVerifier.Answer answer, String routingNumber, String last4) {
    boolean sameDetails(FundingAccount account) {
      return routingNumber.equals(account.routingNumber()) && last4.equals(account.last4());
    }
  }

  private Future<Asked> askAbout(String clientId, String accountId) {
    // the lock of lockStartable ends with its statement here: the answer is checked again when written
    return pool.withConnection(conn -> lockStartable(conn, clientId, accountId)
        .compose(account -> FundingAccount.US.equals(account.type())
            ? FundingAccountQueries.debitAccounts(conn, List.of(accountId)).map(accounts -> accounts.get(accountId))
                .compose(debit -> ask(debit.routingNumber(), cipher.open(debit.number(), accountId),
                    debit.accountType(), debit.holderName()))
                .map(answer -> new Asked(answer, account.routingNumber(), account.last4()))
            : Future.failedFuture(notForIban())));
  }

  private static DomainException notForIban() {
    return new DomainException(ProblemType.VERIFICATION_METHOD_UNAVAILABLE,
        "Only US bank accounts are debited by ACH, so only they are verified.",
        List.of(new FieldError("verification_method", "not available for an iban account")));
  }

  private int microAmount() {
    return 1 + random.nextInt(MAX_MICRO_CENTS);
  }

  private static DomainException conflict(String detail) {
    return new DomainException(ProblemType.VERIFICATION_STATE_CONFLICT, detail);
  }
}
