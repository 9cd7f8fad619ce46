package dev.billpay.accounts;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Every change of an account's verification, with its event, in the caller's transaction: the account
 * shows where it stands and event consumers hear of each step.
 */
final class VerificationTransitions {
  private VerificationTransitions() {}

  static Future<FundingAccount> pending(SqlConnection conn, String clientId, String id, VerificationMethod method,
      Instant at) {
    return move(conn, clientId, id, new Verification(VerificationStatus.VERIFICATION_PENDING, method, null, null),
        ResourceEvents.FUNDING_ACCOUNT_VERIFICATION_PENDING, at);
  }

  static Future<FundingAccount> verified(SqlConnection conn, String clientId, String id, VerificationMethod method,
      Instant at) {
    return move(conn, clientId, id, new Verification(VerificationStatus.VERIFIED, method, null, at),
        ResourceEvents.FUNDING_ACCOUNT_VERIFIED, at);
  }

  static Future<FundingAccount> failed(SqlConnection conn, String clientId, String id, VerificationMethod method,
      String reason, Instant at) {
    return move(conn, clientId, id, new Verification(VerificationStatus.VERIFICATION_FAILED, method, reason, null),
        ResourceEvents.FUNDING_ACCOUNT_VERIFICATION_FAILED, at);
  }

  /** The attempt succeeded, and so the account is verified. */
  static Future<FundingAccount> verifyAttempt(SqlConnection conn, AccountVerification v, int attempts, Instant at) {
    return AccountVerificationRepository.setStatus(conn, v.id(), AccountVerification.VERIFIED, null, attempts, at)
        .compose(x -> verified(conn, v.clientId(), v.fundingAccountId(), v.method(), at));
  }

  /** The attempt failed (returned, expired, named wrong too often, or its account blocked), and so the account. */
  static Future<FundingAccount> failAttempt(SqlConnection conn, AccountVerification v, int attempts, String reason,
      Instant at) {
    return AccountVerificationRepository.setStatus(conn, v.id(), AccountVerification.FAILED, reason, attempts, at)
        .compose(x -> failed(conn, v.clientId(), v.fundingAccountId(), v.method(), reason, at));
  }

  private static Future<FundingAccount> move(SqlConnection conn, String clientId, String id, Verification to,
      String eventType, Instant at) {
    return FundingAccountRepository.setVerification(conn, clientId, id, to, at).compose(v -> OutboxWriter.append(conn,
        ResourceEvents.of(FundingAccountService.SOURCE, eventType, id, v.version(), at, clientId,
            v.account().toJson()), id, at).map(v.account()));
  }
}
