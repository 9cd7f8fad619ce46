package dev.billpay.webhooks;

import dev.billpay.config.GatewayConfig.WebhooksConfig;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import dev.billpay.http.Pagination;
import dev.billpay.idempotency.IdempotentTransactions;
import dev.billpay.idempotency.IdempotentTransactions.Reply;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import dev.billpay.webhooks.WebhookEndpointRepository.Toggled;
import dev.billpay.webhooks.WebhookEndpointRepository.Versioned;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Webhook endpoints (secrets shown once, rotation with overlap), their deliveries, and redelivery. */
public final class WebhookService {
  public static final String SOURCE = "/billpay-gateway/webhook-endpoints";
  private final Vertx vertx;
  private final Pool pool;
  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final IdempotentTransactions idempotency;
  private final AccountNumberCipher cipher;
  private final TargetAddressPolicy targets;
  private final WebhooksConfig config;
  private final Clock clock;

  public WebhookService(Vertx vertx, Pool pool, WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
      IdempotentTransactions idempotency, AccountNumberCipher cipher, WebhooksConfig config, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.targets = new TargetAddressPolicy(config.allowHttp(), config.allowPrivateTargets());
    this.config = config;
    this.clock = clock;
  }

  public Future<Reply> create(String clientId, String key, byte[] fingerprint, CreateWebhookEndpointRequest req) {
    // resolving the host is blocking DNS work: never on the event loop
    return vertx.executeBlocking(() -> targets.problems(req.url())).compose(problems -> {
      if (!problems.isEmpty()) {
        return Future.failedFuture(new DomainException(ProblemType.WEBHOOK_TARGET_REFUSED,
            "The endpoint URL is not an allowed target.",
            problems.stream().map(p -> new FieldError("url", p)).toList()));
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("we"), clientId, req.url(), req.eventTypes(),
          req.description(), true, "active", now);
      String secret = WebhookSecret.generate();
      AccountNumberCipher.Sealed sealed = cipher.seal(secret, endpoint.id());
      return idempotency.run(clientId, key, fingerprint, now, conn -> endpoints.insert(conn, endpoint, sealed)
          .map(v -> Reply.created(endpoint.toJson().put("secret", secret).encode())));
    });
  }

  public Future<WebhookEndpoint> get(String clientId, String id) {
    return endpoints.find(clientId, id).map(e -> e.orElseThrow(() -> DomainException.notFound("Webhook endpoint " + id)));
  }

  public Future<JsonObject> list(String clientId, Pagination page) {
    return endpoints.list(clientId, page.startingAfter(), page.limit() + 1)
        .map(rows -> page.page(rows, WebhookEndpoint::toJson, WebhookEndpoint::id));
  }

  /** A new secret, shown once; the old one stays valid (and signed with) for the overlap period. */
  public Future<JsonObject> rotateSecret(String clientId, String id) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String secret = WebhookSecret.generate();
    return endpoints.rotate(clientId, id, cipher.seal(secret, id),
            now.plus(Duration.ofHours(config.secretOverlapHours())), now)
        .map(e -> e.orElseThrow(() -> DomainException.notFound("Webhook endpoint " + id)).toJson().put("secret", secret)
            .put("previous_secret_expires_at", now.plus(Duration.ofHours(config.secretOverlapHours())).toString()));
  }

  /** Disabling publishes billpay.webhook_endpoint.disabled in the same transaction; enabling publishes nothing. */
  public Future<WebhookEndpoint> setEnabled(String clientId, String id, boolean enabled) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return pool.withTransaction(conn -> WebhookEndpointRepository.setEnabled(conn, clientId, id, enabled, now)
        .compose(found -> {
          Toggled t = found.orElseThrow(() -> DomainException.notFound("Webhook endpoint " + id));
          return t.disabledNow()
              ? OutboxWriter.append(conn, event(ResourceEvents.WEBHOOK_ENDPOINT_DISABLED, t.endpoint(), now), id, now)
                  .map(t.endpoint().endpoint())
              : Future.succeededFuture(t.endpoint().endpoint());
        }));
  }

  /** The CloudEvent for a change of an endpoint; {@code data} is the endpoint as the API shows it (no secret). */
  static JsonObject event(String type, Versioned v, Instant at) {
    return ResourceEvents.of(SOURCE, type, v.endpoint().id(), v.version(), at, v.endpoint().clientId(),
        v.endpoint().toJson());
  }

  public Future<WebhookEndpoint> delete(String clientId, String id) {
    return endpoints.delete(clientId, id, clock.instant())
        .map(e -> e.orElseThrow(() -> DomainException.notFound("Webhook endpoint " + id)));
  }

  public Future<JsonObject> deliveries(String clientId, String endpointId, Pagination page) {
    return get(clientId, endpointId).compose(e -> deliveries.list(e.id(), page.startingAfter(), page.limit() + 1))
        .map(rows -> page.page(rows, r -> r, r -> r.getString("id")));
  }

  public Future<JsonObject> redeliver(String clientId, String eventId) {
    return deliveries.redeliver(clientId, eventId, clock.instant()).map(n -> {
      if (n == 0) {
        throw DomainException.notFound("Deliveries of event " + eventId);
      }
      vertx.eventBus().publish(WebhookDispatcherVerticle.DELIVERIES_QUEUED, null);
      return new JsonObject().put("object", "redelivery").put("event_id", eventId).put("deliveries", n);
    });
  }

}
