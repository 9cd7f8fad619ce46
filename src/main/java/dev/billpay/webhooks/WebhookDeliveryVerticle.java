package dev.billpay.webhooks;

import dev.billpay.config.GatewayConfig;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.webhooks.WebhookDeliveryRepository.Claimed;
import dev.billpay.webhooks.WebhookDeliveryRepository.Outcome;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import dev.billpay.observability.GatewayMetrics;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries: in parallel across endpoints, at most N at a time per endpoint
 * across all processes running it (the claim in PostgreSQL hands out only free slots), each with a
 * timeout; every attempt is recorded, failures are retried on the configured schedule with jitter,
 * and after the last failure the delivery is failed and its endpoint flagged. A result is written
 * only while its claim is current, so a late one (redelivered, or re-claimed after its lease
 * expired) changes nothing.
 */
public final class WebhookDeliveryVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryVerticle.class);
  private static final int CLAIM_BATCH = 100;
  private static final int SNIPPET_CHARS = 256;

  private final GatewayConfig config;
  private final AccountNumberCipher cipher;
  private final Clock clock;
  private final RetrySchedule schedule;
  private final GatewayMetrics metrics;
  private final TargetAddressPolicy targets;
  private Pool pool;
  private WebClient http;
  private WebhookDeliveryRepository deliveries;
  private WebhookEndpointRepository endpoints;
  private boolean claiming;
  private boolean claimAgain;
  private boolean stopped;
  private long timer;

  public WebhookDeliveryVerticle(GatewayConfig config, AccountNumberCipher cipher, GatewayMetrics metrics,
      Clock clock) {
    this.config = config;
    this.metrics = metrics;
    this.cipher = cipher;
    this.clock = clock;
    this.schedule = RetrySchedule.parse(config.webhooks().retrySchedule());
    this.targets = new TargetAddressPolicy(config.webhooks().allowHttp(), config.webhooks().allowPrivateTargets());
  }

  @Override
  public Future<?> start() {
    pool = PgPools.shared(vertx, config.pg());
    deliveries = new WebhookDeliveryRepository(pool);
    endpoints = new WebhookEndpointRepository(pool);
    http = WebClient.create(vertx, new WebClientOptions().setUserAgent("billpay-gateway-webhooks/1")
        .setConnectTimeout(config.webhooks().timeoutMs()).setFollowRedirects(false)
        .setKeepAlive(true));
    timer = vertx.setPeriodic(config.webhooks().pollIntervalMs(), id -> claim());
    vertx.eventBus().localConsumer(WebhookDispatcherVerticle.DELIVERIES_QUEUED, m -> claim());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    http.close();
    return pool.close();
  }

  private void claim() {
    // a "deliveries queued" message can still arrive while the verticle is being undeployed
    if (stopped) {
      return;
    }
    if (claiming) {
      // a wake-up or a freed slot during a claim: look again right after it, or it would wait for the timer
      claimAgain = true;
      return;
    }
    claiming = true;
    claimAgain = false;
    Instant now = clock.instant();
    // the lease outlasts a whole attempt: target check, connection and response (each bounded by the
    // timeout) and recording it. Until it expires the delivery holds one of its endpoint's slots, also
    // when this process dies mid-send; then another process claims it again
    Instant lease = now.plusMillis(config.webhooks().timeoutMs() * 6L);
    deliveries.claim(CLAIM_BATCH, config.webhooks().maxConcurrencyPerEndpoint(), lease, now).onComplete(ar -> {
      claiming = false;
      if (ar.failed()) {
        // no immediate retry: the timer looks again, so a database outage is not hammered
        LOG.warn("claiming webhook deliveries failed: {}", ar.cause().toString());
        return;
      }
      ar.result().forEach(this::attempt);
      // a full batch may have left more due
      if (claimAgain || ar.result().size() == CLAIM_BATCH) {
        claim();
      }
    });
  }

  /** Every claimed delivery is sent at once: the claim never hands out more than the endpoint's free slots. */
  private void attempt(Claimed d) {
    deliver(d).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("recording webhook delivery {} failed: {}", d.id(), ar.cause().toString());
      } else if (!ar.result()) {
        LOG.debug("stale result of webhook delivery {} ignored: redelivered or claimed again since it was sent",
            d.id());
      }
      // its slot is free: the endpoint may have more due
      claim();
    });
  }

  /** Answers whether the result was written (false: the claim was no longer current, nothing changed). */
  private Future<Boolean> deliver(Claimed d) {
    return endpoints.signing(d.endpointId(), clock.instant()).compose(view -> {
      if (view.isEmpty() || !view.get().active()) {
        return deliveries.skip(d, "endpoint disabled or deleted", clock.instant());
      }
      return send(d, view.get()).compose(outcome -> record(d, outcome));
    });
  }

  private Future<Outcome> send(Claimed d, WebhookEndpointRepository.SigningView endpoint) {
    List<String> secrets = endpoint.secrets().stream().map(s -> cipher.open(s, d.endpointId())).toList();
    long timestamp = clock.instant().getEpochSecond();
    String signature = WebhookSignature.header(secrets, d.eventId(), timestamp, d.payload());
    long start = System.nanoTime();
    // the target is checked again at every delivery (DNS may have changed since registration)
    return vertx.executeBlocking(() -> targets.forDelivery(endpoint.url())).compose(target -> target.refused()
        ? Future.succeededFuture(new Outcome(null, elapsedMs(start), null,
            "target refused: " + String.join("; ", target.problems())))
        : post(target, endpoint.url(), d, timestamp, signature, start));
  }

  private Future<Outcome> post(TargetAddressPolicy.Target target, String url, Claimed d, long timestamp,
      String signature, long start) {
    HttpRequest<Buffer> request = target.pinnedAddress()
        .map(address -> http.requestAbs(HttpMethod.POST,
            SocketAddress.inetSocketAddress(port(url), address.getHostAddress()), url))
        .orElseGet(() -> http.postAbs(url));
    return request.timeout(config.webhooks().timeoutMs())
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", d.eventId())
        .putHeader("webhook-timestamp", Long.toString(timestamp))
        .putHeader("webhook-signature", signature)
        .sendBuffer(Buffer.buffer(d.payload()))
        .map(response -> {
          String body = response.bodyAsString();
          String snippet = body == null ? null : body.substring(0, Math.min(SNIPPET_CHARS, body.length()));
          return new Outcome(response.statusCode(), elapsedMs(start), snippet, null);
        })
        .recover(e -> Future.succeededFuture(new Outcome(null, elapsedMs(start), null, e.getClass().getSimpleName()
            + ": " + String.valueOf(e.getMessage()))));
  }

  private Future<Boolean> record(Claimed d, Outcome outcome) {
    Instant now = clock.instant();
    if (outcome.succeeded()) {
      metrics.webhookAttempt("succeeded", outcome.latencyMs());
      return deliveries.record(d, outcome, "succeeded", null, now);
    }
    Optional<java.time.Duration> delay = schedule.delayAfterAttempt(d.attempts() + 1, RandomGenerator.getDefault());
    metrics.webhookAttempt(delay.isPresent() ? "retrying" : "failed", outcome.latencyMs());
    return delay.isPresent()
        ? deliveries.record(d, outcome, "pending", now.plus(delay.get()), now)
        : deliveries.record(d, outcome, "failed", null, now);
  }

  private static int port(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static int elapsedMs(long startNanos) {
    return (int) ((System.nanoTime() - startNanos) / 1_000_000);
  }
}
