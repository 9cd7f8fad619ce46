package dev.billpay.banknotifications;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** The bank notifications received, by bank and notification id. */
final class BankNotificationRepository {
  private static final String CLAIM = "INSERT INTO bank_notifications (bank, notification_id, body_sha256, type,"
      + " received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (bank, notification_id) DO NOTHING";
  private static final String FIND = "SELECT bank, notification_id, body_sha256, type, bank_file_id, received_at"
      + " FROM bank_notifications WHERE bank = $1 AND notification_id = $2";
  private static final String COMPLETE = "UPDATE bank_notifications SET bank_file_id = $3"
      + " WHERE bank = $1 AND notification_id = $2 AND bank_file_id IS NULL";

  private final Pool pool;

  BankNotificationRepository(Pool pool) {
    this.pool = pool;
  }

  /** One notification as received; {@code bankFileId} is null until it has been applied. */
  record Stored(String bank, String id, String bodySha256, String type, String bankFileId, Instant receivedAt,
      boolean claimedNow) {}

  /**
   * Claims the notification for this body, or answers the first claim of its id, whatever its body: the caller
   * compares the hashes. {@code claimedNow} is true only for the call whose insert made the row.
   */
  Future<Stored> claim(String bank, String id, String bodySha256, String type, Instant at) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(bank, id, bodySha256, type, at.atOffset(ZoneOffset.UTC)))
        .compose(inserted -> pool.preparedQuery(FIND).execute(Tuple.of(bank, id))
            .map(rows -> stored(rows.iterator().next(), inserted.rowCount() == 1)));
  }

  /** Records the bank file the notification became; a concurrent retry that did it first wins, to the same file. */
  Future<Void> complete(String bank, String id, String bankFileId) {
    return pool.preparedQuery(COMPLETE).execute(Tuple.of(bank, id, bankFileId)).mapEmpty();
  }

  private static Stored stored(Row r, boolean claimedNow) {
    return new Stored(r.getString("bank"), r.getString("notification_id"), r.getString("body_sha256"),
        r.getString("type"), r.getString("bank_file_id"), r.getOffsetDateTime("received_at").toInstant(), claimedNow);
  }
}
