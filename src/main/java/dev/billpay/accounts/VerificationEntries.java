package dev.billpay.accounts;

import dev.billpay.scheduling.BankingCalendar;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the clearing engine sends for account verifications: each attempt awaiting a file, with the
 * account to address, and, once the file is written, the traces its entries got and the day its
 * outcome is decided.
 */
public final class VerificationEntries {
  private final BankingCalendar calendar;
  private final int prenoteWaitBankingDays;
  private final int microEntriesExpireDays;

  public VerificationEntries(BankingCalendar calendar, int prenoteWaitBankingDays, int microEntriesExpireDays) {
    this.calendar = calendar;
    this.prenoteWaitBankingDays = prenoteWaitBankingDays;
    this.microEntriesExpireDays = microEntriesExpireDays;
  }

  /**
   * One verification to originate.
   *
   * @param creditAmounts the micro-entry credits in cents (their debit is their sum); empty for a prenote
   */
  public record Due(String verificationId, boolean prenote, List<Integer> creditAmounts,
      FundingAccountQueries.DebitAccount account) {
    public long debitAmount() {
      return MicroEntries.debit(creditAmounts);
    }
  }

  /**
   * The verifications awaiting a file, locked until the caller's transaction ends; an attempt whose account
   * can no longer be debited (blocked since) fails here instead of waiting forever.
   */
  public Future<List<Due>> takeAwaitingFile(SqlConnection conn, int limit, Instant at) {
    return AccountVerificationRepository.lockAwaitingFile(conn, limit).compose(awaiting -> awaiting.isEmpty()
        ? Future.succeededFuture(List.of())
        : FundingAccountQueries.debitAccounts(conn, awaiting.stream().map(AccountVerification::fundingAccountId)
            .distinct().toList()).compose(accounts -> {
              List<Due> due = new ArrayList<>();
              Future<Void> failures = Future.succeededFuture();
              for (AccountVerification v : awaiting) {
                FundingAccountQueries.DebitAccount account = accounts.get(v.fundingAccountId());
                if (account != null && "active".equals(account.status())) {
                  due.add(new Due(v.id(), v.method() == VerificationMethod.PRENOTE, v.creditAmounts(), account));
                } else {
                  failures = failures.compose(x -> VerificationTransitions.failAttempt(conn, v, v.attempts(),
                      "the account was blocked before its entries were sent", at).mapEmpty());
                }
              }
              return failures.map(due);
            }));
  }

  /** The entries of these verifications are in the file; each verification's trace numbers by id. */
  public Future<Void> markSent(SqlConnection conn, Map<String, List<String>> tracesById, String clearingFileId,
      LocalDate settlementDate, List<Due> sent, Instant at) {
    Future<Void> chain = Future.succeededFuture();
    for (Due d : sent) {
      List<String> traces = tracesById.get(d.verificationId());
      if (traces == null) {
        continue;
      }
      LocalDate decideOn = d.prenote() ? afterBankingDays(settlementDate, prenoteWaitBankingDays)
          : settlementDate.plusDays(microEntriesExpireDays + 1L);
      chain = chain.compose(x -> AccountVerificationRepository.markSent(conn, d.verificationId(), traces,
          clearingFileId, settlementDate, decideOn, at));
    }
    return chain;
  }

  /**
   * Live entries may follow a prenote on the third banking day after its settlement date when nothing came
   * back, so a prenote verifies on the {@code days}-th banking day after it.
   */
  private LocalDate afterBankingDays(LocalDate settlement, int days) {
    LocalDate day = settlement;
    for (int i = 0; i < days; i++) {
      day = calendar.next(day);
    }
    return day;
  }

  /**
   * The file holding these verifications' entries was cancelled before the bank saw it: they go in the next
   * cut-off's file, with new trace numbers. Answers how many.
   */
  public static Future<Integer> withdrawFromFile(SqlConnection conn, String clearingFileId, Instant at) {
    return AccountVerificationRepository.backToAwaitingFile(conn, clearingFileId, at);
  }
}
