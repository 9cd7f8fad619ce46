package dev.billpay.clients;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer bp_...} to a client id. Positive and negative lookups are
 * cached briefly per event loop so the hot path does not pay a database round trip per request;
 * the cache bound keeps a flood of random keys from growing memory.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  public static final String CLIENT_ID = "client-id";
  /** Bounds how long another process may honour a key revoked elsewhere; this process clears at once. */
  private static final long TTL_MILLIS = 10_000;
  private static final int MAX_ENTRIES = 10_000;

  private record Cached(Optional<String> clientId, long expiresAt) {}

  private final ClientRepository clients;
  private final Map<String, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private final RateLimiter limiter;

  private final KeyRevocations revocations;
  private long revocationsSeen;

  public AuthHandler(ClientRepository clients, RateLimiter limiter, KeyRevocations revocations) {
    this.clients = clients;
    this.limiter = limiter;
    this.revocations = revocations;
    this.revocationsSeen = revocations.current();
  }

  /** Called when a key is revoked in this process, so the revocation holds immediately. */
  public void forgetCachedKeys() {
    cache.clear();
  }

  private void dropCacheIfKeysWereRevoked() {
    long current = revocations.current();
    if (current != revocationsSeen) {
      cache.clear();
      revocationsSeen = current;
    }
  }

  public static String clientId(RoutingContext ctx) {
    return ctx.get(CLIENT_ID);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ") || !ApiKeys.looksLikeKey(header.substring(7).trim())) {
      ctx.fail(DomainException.unauthorized());
      return;
    }
    dropCacheIfKeysWereRevoked();
    byte[] hash = ApiKeys.hash(header.substring(7).trim());
    String cacheKey = HexFormat.of().formatHex(hash);
    long now = System.currentTimeMillis();
    Cached cached = cache.get(cacheKey);
    if (cached != null && cached.expiresAt() > now) {
      accept(ctx, cached.clientId());
      return;
    }
    clients.clientIdForKeyHash(hash).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      cache.put(cacheKey, new Cached(ar.result(), now + TTL_MILLIS));
      accept(ctx, ar.result());
    });
  }

  private void accept(RoutingContext ctx, Optional<String> clientId) {
    if (clientId.isEmpty()) {
      ctx.fail(DomainException.unauthorized());
      return;
    }
    ctx.put(CLIENT_ID, clientId.get());
    long retryAfter = limiter.acquire(clientId.get());
    if (retryAfter > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
      ctx.fail(new DomainException(ProblemType.RATE_LIMITED,
          "This API key's client is over its request rate; retry after " + retryAfter + " s."));
      return;
    }
    ctx.next();
  }
}
