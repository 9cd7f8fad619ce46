package dev.billpay.banknotifications;

import dev.billpay.banknotifications.NotificationSignatures.Signed;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The bank's push endpoint. It takes no API key: the bank proves itself by its signature, checked over the raw
 * body before the body is read. Mount it before the API-key check of {@code /v1/*}; it answers every request it
 * matches, so that check never runs for it.
 */
public final class BankNotificationsHandler {
  /** The bank {@code POST /v1/bank-notifications} means: the one the development profile configures. */
  public static final String DEFAULT_BANK = "dev-bank";
  private final BankNotificationService service;
  private final NotificationSignatures signatures;
  private final int maxBodyBytes;

  public BankNotificationsHandler(BankNotificationService service, NotificationSignatures signatures,
      int maxBodyBytes) {
    this.service = service;
    this.signatures = signatures;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void mount(Router router) {
    // a body handler of its own: the limit is the notifications' (small), and the raw bytes are what is signed
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    router.post("/v1/bank-notifications").handler(body).handler(ctx -> receive(ctx, DEFAULT_BANK));
    router.post("/v1/bank-notifications/:bank").handler(body).handler(ctx -> receive(ctx, ctx.pathParam("bank")));
  }

  private void receive(RoutingContext ctx, String bank) {
    Buffer raw = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    Signed signed = new Signed(ctx.request().getHeader("webhook-id"), ctx.request().getHeader("webhook-timestamp"),
        ctx.request().getHeader("webhook-signature"));
    String text = signatures.verify(bank, signed, raw.getBytes());
    service.receive(bank, signed.id(), text, raw).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        ctx.response().setStatusCode(ar.result().created() ? 201 : 200)
            .putHeader("Content-Type", "application/json").end(ar.result().notification().toBuffer());
      }
    });
  }
}
