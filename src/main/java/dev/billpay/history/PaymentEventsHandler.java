package dev.billpay.history;

import dev.billpay.http.ListEnvelope;
import dev.billpay.clients.AuthHandler;
import dev.billpay.payments.PaymentService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /v1/payments/{id}/events: the payment's events from Cassandra, oldest first, tenant-scoped. */
public final class PaymentEventsHandler {
  private final PaymentService payments;
  private final HistoryRepository history;

  public PaymentEventsHandler(PaymentService payments, HistoryRepository history) {
    this.payments = payments;
    this.history = history;
  }

  public void mount(Router router) {
    router.get("/v1/payments/:id/events").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    String clientId = AuthHandler.clientId(ctx);
    // ownership is checked in PostgreSQL first: another client's payment is a 404, never its events
    payments.get(clientId, ctx.pathParam("id"))
        .compose(p -> history.eventsOf(p.id(), ctx.vertx().getOrCreateContext()))
        .onComplete(ar -> {
          if (ar.failed()) {
            ctx.fail(ar.cause());
            return;
          }
          JsonArray data = new JsonArray();
          ar.result().stream().filter(e -> clientId.equals(e.clientId()))
              .forEach(e -> data.add(new JsonObject(e.payload())));
          ctx.response().putHeader("Content-Type", "application/json")
              .end(ListEnvelope.whole(data).toBuffer());
        });
  }
}
