package dev.billpay.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.billpay.db.ReplicaBatches;
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
  private final PreparedStatement accountMonth;
  private final PreparedStatement insertByResource;
  private final PreparedStatement eventsOfResource;

  /** Prepares the statements once; blocking, so call it off the event loop. */
  public HistoryRepository(CqlSession session, String keyspace) {
    this.session = session;
    this.insertByPayment = session.prepare("INSERT INTO " + keyspace + ".payment_events_by_payment"
        + " (payment_id, occurred_at, event_id, client_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?)");
    this.insertByAccount = session.prepare("INSERT INTO " + keyspace + ".payment_history_by_account"
        + " (client_id, funding_account_id, month, occurred_at, event_id, event_type, payment_id, status, amount,"
        + " currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.accountMonth = session.prepare("SELECT event_id, event_type, occurred_at, payment_id, status, amount, currency"
        + " FROM " + keyspace + ".payment_history_by_account WHERE client_id = ? AND funding_account_id = ?"
        + " AND month = ? AND occurred_at >= ? AND occurred_at <= ?");
    this.eventsOfPayment = session.prepare("SELECT event_id, event_type, occurred_at, client_id, payload FROM "
        + keyspace + ".payment_events_by_payment WHERE payment_id = ?");
    this.insertByResource = session.prepare("INSERT INTO " + keyspace + ".resource_events_by_resource"
        + " (resource_id, occurred_at, event_id, client_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?)");
    this.eventsOfResource = session.prepare("SELECT event_id, event_type, occurred_at, client_id, payload FROM "
        + keyspace + ".resource_events_by_resource WHERE resource_id = ?");
  }

  /**
   * Writes the events in windows of {@code maxInFlight} events, so Cassandra is never flooded; after
   * each window, {@code afterWindow} gets how many are written so far. A window's rows (by payment,
   * by account, by resource) go as unlogged batches of rows on the same replicas ({@link ReplicaBatches}):
   * a few requests per window instead of one or two per event.
   */
  public Future<Void> writeInWindows(List<? extends ProjectedEvent> events, int maxInFlight, Context context,
      java.util.function.IntFunction<Future<Void>> afterWindow) {
    return writeFrom(events, 0, maxInFlight, context, afterWindow);
  }

  private Future<Void> writeFrom(List<? extends ProjectedEvent> events, int from, int maxInFlight, Context context,
      java.util.function.IntFunction<Future<Void>> afterWindow) {
    if (from >= events.size()) {
      return Future.succeededFuture();
    }
    int to = Math.min(events.size(), from + maxInFlight);
    List<BoundStatement> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.addAll(rowsOf(events.get(i)));
    }
    List<Future<?>> window = new ArrayList<>();
    for (Statement<?> request : ReplicaBatches.of(session, rows)) {
      window.add(execute(request, context));
    }
    return Future.all(window).compose(v -> afterWindow.apply(to))
        .compose(v -> writeFrom(events, to, maxInFlight, context, afterWindow));
  }

  private List<BoundStatement> rowsOf(ProjectedEvent event) {
    if (event instanceof ResourceEvent e) {
      return List.of(byResource(e));
    }
    HistoryEvent e = (HistoryEvent) event;
    return List.of(byPayment(e), byAccount(e));
  }

  private Future<?> execute(Statement<?> statement, Context context) {
    return Future.fromCompletionStage(session.executeAsync(statement), context);
  }

  private BoundStatement byPayment(HistoryEvent e) {
    return insertByPayment.bind(e.paymentId(), e.occurredAt(), e.eventId(), e.clientId(), e.type(), e.payload());
  }

  /** The account's list needs no payload (GET /v1/payments/{id}/events has it): a row a fraction of the size. */
  private BoundStatement byAccount(HistoryEvent e) {
    return insertByAccount.bind(e.clientId(), e.fundingAccountId(), MONTH.format(e.occurredAt()), e.occurredAt(),
        e.eventId(), e.type(), e.paymentId(), e.status(), e.amount(), e.currency());
  }

  private BoundStatement byResource(ResourceEvent e) {
    return insertByResource.bind(e.resourceId(), e.occurredAt(), e.eventId(), e.clientId(), e.type(), e.payload());
  }

  public Future<Void> write(ProjectedEvent event, Context context) {
    if (event instanceof ResourceEvent e) {
      return execute(byResource(e), context).mapEmpty();
    }
    return write((HistoryEvent) event, context);
  }

  /** Both history rows of one event, as two idempotent inserts in parallel. */
  public Future<Void> write(HistoryEvent e, Context context) {
    return Future.all(execute(byPayment(e), context), execute(byAccount(e), context)).mapEmpty();
  }

  public record StoredEvent(String eventId, String type, Instant occurredAt, String clientId, String payload) {}

  /** One row of an account's history, as the API lists it. */
  public record HistoryEntry(String eventId, String type, Instant occurredAt, String paymentId, String status,
      long amount, String currency) {}

  /** Up to limit + 1 entries newest first (the extra one tells the caller there is more). */
  public Future<List<HistoryEntry>> accountHistory(String clientId, String fundingAccountId, AccountHistoryQuery q,
      Context context) {
    List<HistoryEntry> out = new ArrayList<>();
    return readMonths(clientId, fundingAccountId, q, q.months(), 0, out, context).map(v -> out);
  }

  private Future<Void> readMonths(String clientId, String fa, AccountHistoryQuery q, List<java.time.YearMonth> months,
      int index, List<HistoryEntry> out, Context context) {
    if (index >= months.size() || out.size() > q.limit()) {
      return Future.succeededFuture();
    }
    Instant upper = q.after() != null && q.after().occurredAt().isBefore(q.to()) ? q.after().occurredAt()
        : q.to().minusMillis(1);
    var statement = accountMonth.bind(clientId, fa, months.get(index).toString(), q.from(), upper)
        .setPageSize(q.limit() + 16);
    return Future.fromCompletionStage(session.executeAsync(statement), context)
        .compose(rs -> collectPage(rs, q, out, context))
        .compose(v -> readMonths(clientId, fa, q, months, index + 1, out, context));
  }

  private Future<Void> collectPage(AsyncResultSet rs, AccountHistoryQuery q, List<HistoryEntry> out, Context context) {
    for (Row r : rs.currentPage()) {
      if (out.size() > q.limit()) {
        return Future.succeededFuture();
      }
      Instant at = r.getInstant("occurred_at");
      String eventId = r.getString("event_id");
      if (q.notYetShown(at, eventId)) {
        out.add(new HistoryEntry(eventId, r.getString("event_type"), at, r.getString("payment_id"),
            r.getString("status"), r.getLong("amount"), r.getString("currency")));
      }
    }
    if (!rs.hasMorePages() || out.size() > q.limit()) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(rs.fetchNextPage(), context).compose(next -> collectPage(next, q, out, context));
  }

  public Future<List<StoredEvent>> eventsOf(String paymentId, Context context) {
    return Future.fromCompletionStage(session.executeAsync(eventsOfPayment.bind(paymentId)), context)
        .compose(rs -> collect(rs, new ArrayList<>(), context));
  }

  /** The events of a resource other than a payment (an expected payment), oldest first. */
  public Future<List<StoredEvent>> eventsOfResource(String resourceId, Context context) {
    return Future.fromCompletionStage(session.executeAsync(eventsOfResource.bind(resourceId)), context)
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
