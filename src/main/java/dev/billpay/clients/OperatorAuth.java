package dev.billpay.clients;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin token check, for the operator's routes: client administration (/admin/v1) and the bank
 * side of the gateway (clearing files, bank files, reconciliation), which hold every client's data
 * and so are never reachable with a client's API key.
 */
public final class OperatorAuth implements Handler<RoutingContext> {
  private final byte[] adminToken;
  private final String detail;

  public OperatorAuth(String adminToken, String detail) {
    this.adminToken = adminToken == null ? new byte[0] : adminToken.getBytes(StandardCharsets.UTF_8);
    this.detail = detail;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
    // constant-time comparison: the token must not leak through timing
    if (adminToken.length == 0 || !MessageDigest.isEqual(given, adminToken)) {
      ctx.fail(new DomainException(ProblemType.UNAUTHORIZED, detail));
      return;
    }
    ctx.next();
  }
}
