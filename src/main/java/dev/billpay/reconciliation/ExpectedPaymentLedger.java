package dev.billpay.reconciliation;

import dev.billpay.reconciliation.matching.Expectation;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The expected payments a bank transaction can reconcile. The expected payments feature owns them and implements
 * this; reconciliation only asks which are open and tells what the matching engine gave them, in its transaction.
 */
public interface ExpectedPaymentLedger {
  /** The expectations still open whose window overlaps the dates, locked until the caller's transaction ends. */
  Future<List<Expectation>> open(SqlConnection conn, LocalDate from, LocalDate to);

  /** Records what each transaction reconciled; replaying the same bank file's allocations changes nothing. */
  Future<Void> record(SqlConnection conn, List<Allocation> allocations, Instant at);

  /** The part of one bank transaction of bank file {@code bankFileId} given to one expectation. */
  record Allocation(String expectationId, long amountMinor, String bankFileId, BankTransaction transaction,
      String rule) {}

}
