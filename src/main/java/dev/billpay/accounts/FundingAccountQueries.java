package dev.billpay.accounts;

import dev.billpay.db.BatchResults;
import dev.billpay.shared.Owned;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What other features read of funding accounts, in the caller's transaction: whether an account may
 * be debited by a new payment. The table itself is written only by this package.
 */
public final class FundingAccountQueries {
  /** Locks the row: a block (return file) and a new debit cannot interleave. */
  private static final String DEBIT_STATUS =
      "SELECT status FROM funding_accounts WHERE id = $1 AND client_id = $2 FOR SHARE";

  private FundingAccountQueries() {}

  /** The account's status for a new debit in the caller's transaction; empty if it is not the client's. */
  public static Future<Optional<String>> debitStatus(SqlConnection conn, String clientId, String id) {
    return conn.preparedQuery(DEBIT_STATUS).execute(Tuple.of(id, clientId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next().getString(0)) : Optional.empty();
    });
  }

  /** {@link #debitStatus} of many accounts in one round trip (the coalesced payment write path). */
  public static Future<List<Optional<String>>> debitStatuses(SqlConnection conn, List<Owned> accounts) {
    List<Tuple> tuples = new ArrayList<>(accounts.size());
    accounts.forEach(a -> tuples.add(Tuple.of(a.id(), a.clientId())));
    return conn.preparedQuery(DEBIT_STATUS).executeBatch(tuples).map(first -> BatchResults.each(first, tuples.size(),
        rows -> {
          var it = rows.iterator();
          return it.hasNext() ? Optional.of(it.next().getString(0)) : Optional.<String>empty();
        }));
  }
}
