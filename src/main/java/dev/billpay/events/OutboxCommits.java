package dev.billpay.events;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;

/**
 * Tells the relays of this process that outbox rows were committed. It replaces a NOTIFY per
 * commit: PostgreSQL serialises the commits of every transaction that notifies (one cluster-wide
 * lock held until the commit record is flushed), which kept the payment transactions of all event
 * loops from sharing an fsync. A relay in another process than the writer finds the rows by
 * polling instead.
 */
public final class OutboxCommits {
  /** A local event bus address: the signal never leaves the process. */
  static final String ADDRESS = "billpay.outbox.committed";

  private OutboxCommits() {}

  /**
   * Signals once the connection's transaction has committed (at once when it is not in one). Called
   * from the connection's own callbacks, so on a Vert.x context.
   */
  static void signalAfterCommit(SqlConnection conn) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return;
    }
    Vertx vertx = context.owner();
    Transaction tx = conn.transaction();
    if (tx == null) {
      signal(vertx);
    } else {
      // a rolled-back transaction fails the completion future: nothing to relay then
      tx.completion().onSuccess(v -> signal(vertx));
    }
  }

  private static void signal(Vertx vertx) {
    vertx.eventBus().publish(ADDRESS, null);
  }
}
