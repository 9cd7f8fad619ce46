package dev.billpay.history;

import dev.billpay.accounts.FundingAccountService;
import dev.billpay.clients.AuthHandler;
import dev.billpay.http.ListEnvelope;
import dev.billpay.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/** GET /v1/funding-accounts/{id}/history: the account's payment history from Cassandra, tenant-scoped. */
public final class AccountHistoryHandler {
  private final FundingAccountService accounts;
  private final HistoryRepository history;
  private final Clock clock;

  public AccountHistoryHandler(FundingAccountService accounts, HistoryRepository history, Clock clock) {
    this.accounts = accounts;
    this.history = history;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/v1/funding-accounts/:id/history").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    String clientId = AuthHandler.clientId(ctx);
    AccountHistoryQuery query = AccountHistoryQuery.parse(ctx.queryParams(), clock.instant());
    // ownership is checked in PostgreSQL first: another client's account is a 404
    Replies.json(ctx, accounts.get(clientId, ctx.pathParam("id"))
        .compose(a -> history.accountHistory(clientId, a.id(), query, ctx.vertx().getOrCreateContext()))
        .map(rows -> page(rows, query.limit())));
  }

  private static JsonObject page(List<HistoryRepository.HistoryEntry> rows, int limit) {
    return ListEnvelope.page(rows, limit, e -> new JsonObject().put("id", e.eventId()).put("object", "history_entry")
        .put("type", e.type()).put("occurred_at", e.occurredAt().toString()).put("payment_id", e.paymentId())
        .put("status", e.status()).put("amount", e.amount()).put("currency", e.currency()),
        e -> new AccountHistoryQuery.Position(e.occurredAt(), e.eventId()).encode());
  }
}
