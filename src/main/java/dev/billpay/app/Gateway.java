package dev.billpay.app;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.billpay.banking.BankAccountValidator;
import dev.billpay.banking.RoutingDirectorySource;
import dev.billpay.clients.ClientRepository;
import dev.billpay.clients.RateLimiter;
import dev.billpay.clients.DevClient;
import dev.billpay.config.GatewayConfig;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.CassandraSchema;
import dev.billpay.db.CassandraSessions;
import dev.billpay.db.PgPools;
import dev.billpay.db.PostgresMigrations;
import dev.billpay.events.KafkaClients;
import dev.billpay.events.OutboxRelayVerticle;
import dev.billpay.history.HistoryProjectorVerticle;
import dev.billpay.history.HistoryRebuilds;
import dev.billpay.history.HistoryStoreCheckVerticle;
import dev.billpay.idempotency.IdempotencyPurgeVerticle;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.webhooks.WebhookDeliveryVerticle;
import dev.billpay.webhooks.WebhookDispatcherVerticle;
import java.time.Clock;
import dev.billpay.history.HistoryRepository;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: prepares schemas and shared clients (blocking work on worker threads),
 * then deploys the HTTP API, the outbox relay and the history projector.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Vertx vertx;
  private final SharedResources shared;
  private final Pool background;
  private final Wiring wiring;
  private final List<String> deployments;

  private Gateway(Vertx vertx, SharedResources shared, Pool background, Wiring wiring, List<String> deployments) {
    this.vertx = vertx;
    this.shared = shared;
    this.background = background;
    this.wiring = wiring;
    this.deployments = deployments;
  }

  /** The background roles' wiring: tests build verticles from it with a clock of their own. */
  public Wiring wiring() {
    return wiring;
  }

  /** Starts every role in this process; {@code devClient} provisions the fixed development key. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, boolean devClient) {
    if (config.security().accountKey().isEmpty()) {
      return Future.failedFuture(new dev.billpay.config.ConfigException(java.util.List.of(
          "security.account-key (BILLPAY_SECURITY_ACCOUNT_KEY): required, 32 random bytes in base64")));
    }
    return vertx.executeBlocking(() -> PostgresMigrations.migrate(config.pg()))
        .compose(n -> vertx.executeBlocking(() -> openShared(vertx, config)))
        .compose(shared -> (devClient ? provisionDevClient(vertx, config) : Future.<Void>succeededFuture())
            .compose(v -> deploy(vertx, config, shared))
            .onFailure(e -> shared.close()));
  }

  public Future<Void> stop() {
    // HTTP first (stop accepting), then the relay, then the projector
    Future<Void> chain = Future.succeededFuture();
    for (String id : deployments) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.eventually(background::close).eventually(() -> vertx.executeBlocking(() -> {
          shared.close();
          return null;
        }));
  }

  private static SharedResources openShared(Vertx vertx, GatewayConfig config) throws Exception {
    Admin admin = Admin.create(KafkaClients.adminConfig(config.kafka()));
    CqlSession session = null;
    try {
      ensureTopics(admin, config.kafka());
      session = CassandraSessions.open(config.cassandra());
      var c = config.cassandra();
      int applied = CassandraSchema.apply(session, c.schemaDir(), c.keyspace(), c.replication());
      LOG.info("Cassandra schema ready ({} file(s) applied now)", applied);
      HistoryRepository history = new HistoryRepository(session, c.keyspace());
      GatewayMetrics metrics = new GatewayMetrics();
      RoutingDirectorySource directory = RoutingDirectorySource.open(config.banking().routingDirectory(),
          Clock.systemUTC());
      return new SharedResources(session, history, admin,
          AccountNumberCipher.fromBase64(config.security().accountKeyId(), config.security().accountKey()),
          directory, new BankAccountValidator(directory),
          new RateLimiter(config.rateLimit().requestsPerSecond(), config.rateLimit().burst()), metrics,
          new dev.billpay.clients.KeyRevocations(),
          new HistoryRebuilds(vertx, config, history, metrics, Clock.systemUTC()));
    } catch (Exception e) {
      admin.close();
      if (session != null) {
        session.close();
      }
      throw e;
    }
  }

  private static void ensureTopics(Admin admin, GatewayConfig.KafkaConfig kafka) throws Exception {
    for (String topic : List.of(kafka.paymentEventsTopic(), kafka.deadLetterTopic())) {
      try {
        // retention applies to topics the gateway creates; an existing topic keeps the operator's settings
        admin.createTopics(List.of(new NewTopic(topic, kafka.partitions(), (short) kafka.replicationFactor())
                .configs(java.util.Map.of("retention.ms", Long.toString(kafka.retentionHours() * 3_600_000L)))))
            .all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  private static Future<Void> provisionDevClient(Vertx vertx, GatewayConfig config) {
    String key = config.auth().devApiKey();
    if (key.isEmpty()) {
      return Future.succeededFuture();
    }
    var pool = PgPools.shared(vertx, config.pg());
    return new ClientRepository(pool).ensureClientWithKey(DevClient.CLIENT_ID, DevClient.NAME, DevClient.KEY_ID, key)
        .eventually(pool::close);
  }

  private static Future<Gateway> deploy(Vertx vertx, GatewayConfig config, SharedResources shared) {
    int instances = config.http().instances() > 0 ? config.http().instances()
        : Runtime.getRuntime().availableProcessors();
    GatewayConfig.Roles roles = config.roles();
    List<String> ids = new ArrayList<>();
    // the background roles' handle on the shared pool; each HTTP verticle opens its own on its loop
    Pool background = PgPools.shared(vertx, config.pg());
    Wiring wiring = new Wiring(vertx, background, config, shared, Clock.systemUTC());
    // in stop order: HTTP first (stop accepting), then the relay, then the consumers
    Future<Void> chain = Future.succeededFuture();
    if (roles.has("api")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(() -> new HttpApiVerticle(config, shared),
          new DeploymentOptions().setInstances(instances)));
    }
    if (roles.has("relay")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(new OutboxRelayVerticle(config, shared.metrics())));
    }
    if (roles.has("projector")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(
          new HistoryProjectorVerticle(config, shared.history(), shared.metrics())));
      chain = then(chain, ids, () -> vertx.deployVerticle(
          new HistoryStoreCheckVerticle(config, shared.cassandra(), shared.historyRebuilds())));
    }
    if (roles.has("maintenance")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(new IdempotencyPurgeVerticle(config)));
    }
    if (roles.has("webhooks")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(new WebhookDispatcherVerticle(config, Clock.systemUTC())));
      chain = then(chain, ids, () -> vertx.deployVerticle(
          new WebhookDeliveryVerticle(config, shared.cipher(), shared.metrics(), Clock.systemUTC())));
    }
    if (roles.has("scheduler")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(wiring.schedulerVerticle()));
      chain = then(chain, ids, () -> vertx.deployVerticle(wiring.verificationSweepVerticle()));
      chain = then(chain, ids, () -> vertx.deployVerticle(wiring.overdueSweepVerticle()));
    }
    if (roles.has("clearing")) {
      chain = then(chain, ids, () -> vertx.deployVerticle(wiring.clearingVerticle()));
    }
    return chain.map(v -> {
      LOG.info("gateway roles {}{}", roles.enabled(), roles.has("api")
          ? ", listening on " + config.http().host() + ":" + config.http().port() : "");
      return new Gateway(vertx, shared, background, wiring, ids);
    }).onFailure(e -> background.close());
  }

  private static Future<Void> then(Future<Void> chain, List<String> ids,
      java.util.function.Supplier<Future<String>> deployment) {
    return chain.compose(v -> deployment.get()).map(id -> {
      ids.add(id);
      return null;
    });
  }
}
