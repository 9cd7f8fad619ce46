package dev.billpay.accounts;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * What the bank's return file says about a verification's entries, in the importer's transaction: a
 * return fails the verification (the account cannot be debited as given); a notification of change on
 * a prenote verifies it, since the receiving bank found the account and only corrects its details.
 */
public final class VerificationReturns {
  private VerificationReturns() {}

  /** True when {@code originalTrace} is one of our verification entries, which the return now failed. */
  public static Future<Boolean> returned(SqlConnection conn, String originalTrace, String returnCode, String reason,
      Instant at) {
    return AccountVerificationRepository.lockByTrace(conn, originalTrace).compose(found -> found.isEmpty()
        ? Future.succeededFuture(false)
        : VerificationTransitions.failAttempt(conn, found.get(), found.get().attempts(),
            "returned " + returnCode + " " + reason, at).map(true));
  }

  /**
   * True when {@code originalTrace} is one of our verification entries. A prenote still waiting is verified;
   * micro-entries still wait for the holder's answer (the change itself is recorded for review).
   */
  public static Future<Boolean> corrected(SqlConnection conn, String originalTrace, Instant at) {
    return AccountVerificationRepository.lockByTrace(conn, originalTrace).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(false);
      }
      AccountVerification v = found.get();
      if (v.method() != VerificationMethod.PRENOTE || !v.status().equals(AccountVerification.SENT)) {
        return Future.succeededFuture(true);
      }
      return VerificationTransitions.verifyAttempt(conn, v, v.attempts(), at).map(true);
    });
  }
}
