package dev.billpay.health;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** /health/live (the process runs) and /health/ready (PostgreSQL, Kafka and Cassandra all answer). */
public final class HealthHandler {
  private static final long TIMEOUT_MS = 2500;

  private final Pool pool;
  private final Admin kafkaAdmin;
  private final CqlSession cassandra;

  public HealthHandler(Pool pool, Admin kafkaAdmin, CqlSession cassandra) {
    this.pool = pool;
    this.kafkaAdmin = kafkaAdmin;
    this.cassandra = cassandra;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").toBuffer()));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    Context context = ctx.vertx().getOrCreateContext();
    Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();
    checks.put("postgresql", () -> pool.query("SELECT 1").execute());
    checks.put("kafka", () -> Future.fromCompletionStage(kafkaAdmin.describeCluster(
        new DescribeClusterOptions().timeoutMs((int) TIMEOUT_MS)).nodes().toCompletionStage(), context));
    checks.put("cassandra", () -> Future.fromCompletionStage(cassandra.executeAsync(
        SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setTimeout(Duration.ofMillis(TIMEOUT_MS))), context));
    JsonObject results = new JsonObject();
    Future<?>[] all = checks.entrySet().stream().map(e -> {
      long t0 = System.nanoTime();
      return run(e.getValue()).timeout(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS).transform(ar -> {
        JsonObject r = new JsonObject().put("status", ar.succeeded() ? "UP" : "DOWN")
            .put("latency_ms", (System.nanoTime() - t0) / 1_000_000);
        if (ar.failed()) {
          r.put("error", ar.cause().getClass().getSimpleName());
        }
        results.put(e.getKey(), r);
        return Future.succeededFuture(ar.succeeded());
      });
    }).toArray(Future[]::new);
    Future.join(java.util.List.of(all)).onComplete(ar -> {
      boolean up = results.stream().allMatch(e -> "UP".equals(((JsonObject) e.getValue()).getString("status")));
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", results).toBuffer());
    });
  }

  private static Future<?> run(Supplier<Future<?>> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
