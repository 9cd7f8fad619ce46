package dev.billpay.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Insert-only payment history in Cassandra. Rows are keyed by event id, so writing an event again
 * (a redelivery, a restarted projector) rewrites the same cells and never shows it twice.
 */
public final class HistoryRepository {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private final CqlSession session;
  private final PreparedStatement insertByPayment;
  private final PreparedStatement insertByAccount;
  private final PreparedStatement eventsOfPayment;

  /** Prepares the statements once; blocking, so call it off the event loop. */
  public HistoryRepository(CqlSession session, String keyspace) {
    this.session = session;
    this.insertByPayment = session.prepare("INSERT INTO " + keyspace + ".payment_events_by_payment"
        + " (payment_id, occurred_at, event_id, client_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?)");
    this.insertByAccount = session.prepare("INSERT INTO " + keyspace + ".payment_history_by_account"
        + " (client_id, funding_account_id, month, occurred_at, event_id, event_type, payment_id, status, amount,"
        + " currency, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.eventsOfPayment = session.prepare("SELECT event_id, event_type, occurred_at, client_id, payload FROM "
        + keyspace + ".payment_events_by_payment WHERE payment_id = ?");
  }

  /** Both history rows of one event, as one logged batch so the two tables never disagree. */
  public Future<Void> write(HistoryEvent e, Context context) {
    BatchStatement batch = BatchStatement.newInstance(BatchType.LOGGED,
        insertByPayment.bind(e.paymentId(), e.occurredAt(), e.eventId(), e.clientId(), e.type(), e.payload()),
        insertByAccount.bind(e.clientId(), e.fundingAccountId(), MONTH.format(e.occurredAt()), e.occurredAt(),
            e.eventId(), e.type(), e.paymentId(), e.status(), e.amount(), e.currency(), e.payload()));
    return Future.fromCompletionStage(session.executeAsync(batch), context).mapEmpty();
  }

  public record StoredEvent(String eventId, String type, Instant occurredAt, String clientId, String payload) {}

  public Future<List<StoredEvent>> eventsOf(String paymentId, Context context) {
    return Future.fromCompletionStage(session.executeAsync(eventsOfPayment.bind(paymentId)), context)
        .compose(rs -> collect(rs, new ArrayList<>(), context));
  }

  private Future<List<StoredEvent>> collect(AsyncResultSet rs, List<StoredEvent> out, Context context) {
    for (Row r : rs.currentPage()) {
      out.add(new StoredEvent(r.getString("event_id"), r.getString("event_type"), r.getInstant("occurred_at"),
          r.getString("client_id"), r.getString("payload")));
    }
    if (!rs.hasMorePages()) {
      return Future.succeededFuture(out);
    }
    return Future.fromCompletionStage(rs.fetchNextPage(), context).compose(next -> collect(next, out, context));
  }
}
