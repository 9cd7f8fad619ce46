package dev.billpay.clients;

import dev.billpay.http.JsonBodies;
import dev.billpay.http.Replies;
import dev.billpay.shared.DomainException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * /admin/v1: clients and keys, guarded by the admin token from the environment
 * (BILLPAY_SECURITY_ADMIN_TOKEN). With no token configured every admin call is refused.
 */
public final class AdminHandler {
  public static final String KEY_REVOKED_ADDRESS = "billpay.auth.key-revoked";
  private final ClientAdminService service;
  private final OperatorAuth authorize;

  private final KeyRevocations revocations;

  public AdminHandler(ClientAdminService service, String adminToken, KeyRevocations revocations) {
    this.revocations = revocations;
    this.service = service;
    this.authorize = new OperatorAuth(adminToken, "Admin endpoints need the admin token.");
  }

  /** {@code validation} runs after the admin token is checked and before the routes. */
  public void mount(Router router, io.vertx.core.Handler<RoutingContext> validation) {
    router.route("/admin/v1/*").handler(authorize);
    router.route("/admin/v1/*").handler(validation);
    router.post("/admin/v1/clients").handler(this::createClient);
    router.post("/admin/v1/clients/:id/keys").handler(this::createKey);
    router.post("/admin/v1/keys/:id/revoke").handler(this::revokeKey);
  }

  private void createClient(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    rejectUnknown(body, Set.of("name"));
    Object name = body.getValue("name");
    if (!(name instanceof String s) || s.isBlank() || s.length() > 140) {
      throw DomainException.validation("name", "must be 1-140 characters");
    }
    ctx.response().setStatusCode(201);
    Replies.json(ctx, service.createClient(s.strip()));
  }

  private void createKey(RoutingContext ctx) {
    JsonObject body = JsonBodies.optionalObject(ctx);
    rejectUnknown(body, Set.of("mode"));
    String mode = body.getString("mode", "test");
    if (!mode.equals("test") && !mode.equals("live")) {
      throw DomainException.validation("mode", "must be test or live");
    }
    ctx.response().setStatusCode(201);
    Replies.json(ctx, service.createKey(ctx.pathParam("id"), mode));
  }

  private void revokeKey(RoutingContext ctx) {
    Replies.json(ctx, service.revokeKey(ctx.pathParam("id"))
        .onSuccess(k -> {
          // before the answer: the next request on any event loop of this process already refuses the key
          revocations.revoked();
          ctx.vertx().eventBus().publish(KEY_REVOKED_ADDRESS, k.getString("id"));
        }));
  }

  private static void rejectUnknown(JsonObject body, Set<String> allowed) {
    body.fieldNames().stream().filter(f -> !allowed.contains(f)).findFirst()
        .ifPresent(f -> {
          throw DomainException.validation(f, "unknown field");
        });
  }
}
