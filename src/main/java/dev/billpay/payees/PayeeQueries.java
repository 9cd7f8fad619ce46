package dev.billpay.payees;

import dev.billpay.db.BatchResults;
import dev.billpay.shared.Owned;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * What other features read of payees, in the caller's transaction: whether a payee may be paid. The
 * table itself is written only by this package.
 */
public final class PayeeQueries {
  /** Locks the row: a soft delete and a new payment to the payee cannot interleave. */
  private static final String IS_ACTIVE =
      "SELECT 1 FROM payees WHERE id = $1 AND client_id = $2 AND status = 'active' FOR SHARE";

  private PayeeQueries() {}

  /** Whether the payee exists for the client and may be paid, locked for the caller's transaction. */
  public static Future<Boolean> isActive(SqlConnection conn, String clientId, String id) {
    return conn.preparedQuery(IS_ACTIVE).execute(Tuple.of(id, clientId)).map(rows -> rows.size() == 1);
  }

  /** {@link #isActive} of many payees in one round trip (the coalesced payment write path). */
  public static Future<List<Boolean>> areActive(SqlConnection conn, List<Owned> payees) {
    List<Tuple> tuples = new ArrayList<>(payees.size());
    payees.forEach(p -> tuples.add(Tuple.of(p.id(), p.clientId())));
    return conn.preparedQuery(IS_ACTIVE).executeBatch(tuples)
        .map(first -> BatchResults.each(first, tuples.size(), rows -> rows.size() == 1));
  }
}
