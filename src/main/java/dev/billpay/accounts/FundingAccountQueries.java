package dev.billpay.accounts;

import dev.billpay.crypto.AccountNumberCipher.Sealed;
import dev.billpay.db.BatchResults;
import dev.billpay.shared.Owned;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What other features read of funding accounts, in the caller's transaction: whether an account may
 * be debited by a new payment, and what a clearing file needs to debit it. The table itself is
 * written only by this package.
 */
public final class FundingAccountQueries {
  /** Locks the row: a block (return file) and a new debit cannot interleave. */
  private static final String DEBIT_STATUS =
      "SELECT status, type, routing_number, verification_status FROM funding_accounts WHERE id = $1"
      + " AND client_id = $2 FOR SHARE";
  /** Not locked: a block committed after this read takes effect from the next cut-off. */
  private static final String DEBIT_ACCOUNTS = "SELECT id, type, status, holder_name, routing_number, account_type,"
      + " number_ciphertext, number_key_id FROM funding_accounts WHERE id = ANY($1)";

  private FundingAccountQueries() {}

  /** An account as a debit entry needs it: its kind and state, holder, routing and the number, still sealed. */
  public record DebitAccount(String id, String type, String status, String holderName, String routingNumber,
      String accountType, Sealed number) {}

  /**
   * An account's standing for a new debit: its status, whether it is verified, and whether ACH reaches its bank (a US
   * account's routing number is in the FedACH directory in use; the directory can be reloaded
   * without the bank after the account was made).
   */
  public record DebitStanding(String status, boolean achReachable, boolean verified) {
    public boolean active() {
      return "active".equals(status);
    }
  }

  /**
   * The account's standing for a new debit in the caller's transaction; empty if it is not the
   * client's. {@code achParticipant} says whether the directory in use lists a routing number.
   */
  public static Future<Optional<DebitStanding>> debitStatus(SqlConnection conn, String clientId, String id,
      Predicate<String> achParticipant) {
    return conn.preparedQuery(DEBIT_STATUS).execute(Tuple.of(id, clientId))
        .map(rows -> standing(rows, achParticipant));
  }

  /** {@link #debitStatus} of many accounts in one round trip (the coalesced payment write path). */
  public static Future<List<Optional<DebitStanding>>> debitStatuses(SqlConnection conn, List<Owned> accounts,
      Predicate<String> achParticipant) {
    List<Tuple> tuples = new ArrayList<>(accounts.size());
    accounts.forEach(a -> tuples.add(Tuple.of(a.id(), a.clientId())));
    return conn.preparedQuery(DEBIT_STATUS).executeBatch(tuples).map(first -> BatchResults.each(first, tuples.size(),
        rows -> standing(rows, achParticipant)));
  }

  private static Optional<DebitStanding> standing(RowSet<Row> rows, Predicate<String> achParticipant) {
    var it = rows.iterator();
    if (!it.hasNext()) {
      return Optional.empty();
    }
    Row row = it.next();
    boolean us = FundingAccount.US.equals(row.getString("type"));
    return Optional.of(new DebitStanding(row.getString("status"),
        !us || achParticipant.test(row.getString("routing_number")),
        VerificationStatus.VERIFIED.wire().equals(row.getString("verification_status"))));
  }

  /** The accounts with these ids, by id (an id no account has is absent). */
  public static Future<Map<String, DebitAccount>> debitAccounts(SqlConnection conn, Collection<String> ids) {
    return conn.preparedQuery(DEBIT_ACCOUNTS).execute(Tuple.of((Object) ids.toArray(String[]::new))).map(rows -> {
      Map<String, DebitAccount> out = new HashMap<>(rows.size() * 2);
      for (Row r : rows) {
        out.put(r.getString("id"), new DebitAccount(r.getString("id"), r.getString("type"), r.getString("status"),
            r.getString("holder_name"), r.getString("routing_number"), r.getString("account_type"),
            new Sealed(r.getBuffer("number_ciphertext").getBytes(), r.getString("number_key_id"))));
      }
      return out;
    });
  }
}
