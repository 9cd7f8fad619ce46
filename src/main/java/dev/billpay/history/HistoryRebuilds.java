package dev.billpay.history;

import dev.billpay.config.GatewayConfig;
import dev.billpay.observability.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuilds of this process: at most one runs at a time (a second request gets the running one:
 * two readers of the same topic would only write the same rows twice), and the last few are kept so
 * the operator can ask how one ended. Thread-safe: the HTTP verticles and the store check share it.
 */
public final class HistoryRebuilds {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryRebuilds.class);
  private static final int KEPT = 20;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final HistoryRepository history;
  private final GatewayMetrics metrics;
  private final Clock clock;
  private final Map<String, JsonObject> jobs = new LinkedHashMap<>();
  private String running;

  public HistoryRebuilds(Vertx vertx, GatewayConfig config, HistoryRepository history, GatewayMetrics metrics,
      Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Starts a rebuild in the background on the caller's context and answers its job at once (or the
   * running one). {@code trigger} says who asked ("admin", "store-check"), for the log and the metric.
   */
  public synchronized JsonObject start(Instant since, String trigger) {
    if (running != null) {
      return jobs.get(running).copy();
    }
    String id = "rbj_" + UUID.randomUUID().toString().replace("-", "");
    JsonObject job = new JsonObject().put("id", id).put("object", "history_rebuild").put("status", "running")
        .put("trigger", trigger).put("since", since == null ? null : since.toString())
        .put("started_at", clock.instant().toString()).putNull("finished_at");
    jobs.put(id, job);
    running = id;
    while (jobs.size() > KEPT) {
      jobs.remove(jobs.keySet().iterator().next());
    }
    LOG.info("history rebuild {} started by {} from {}", id, trigger, since == null ? "the topic's start" : since);
    run(id, since, trigger);
    return job.copy();
  }

  /** Completes when the rebuild it starts (or the one already running) has ended. */
  public Future<JsonObject> startAndAwait(Instant since, String trigger) {
    String id = start(since, trigger).getString("id");
    return awaitEnd(id);
  }

  public synchronized Optional<JsonObject> job(String id) {
    return Optional.ofNullable(jobs.get(id)).map(JsonObject::copy);
  }

  private Future<JsonObject> awaitEnd(String id) {
    JsonObject job = job(id).orElseThrow();
    if (!"running".equals(job.getString("status"))) {
      return Future.succeededFuture(job);
    }
    return Future.<Void>future(p -> vertx.setTimer(200, t -> p.complete())).compose(v -> awaitEnd(id));
  }

  private void run(String id, Instant since, String trigger) {
    Future<HistoryRebuild.Counts> result;
    try {
      result = new HistoryRebuild(vertx, config, history, since).run();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> finish(id, trigger, ar.succeeded() ? ar.result() : null, ar.cause()));
  }

  private synchronized void finish(String id, String trigger, HistoryRebuild.Counts counts, Throwable failure) {
    JsonObject job = jobs.get(id);
    running = null;
    String outcome = failure == null ? "succeeded" : "failed";
    metrics.historyRebuild(trigger, outcome);
    if (job == null) {
      return;
    }
    job.put("status", outcome).put("finished_at", clock.instant().toString());
    if (counts != null) {
      job.mergeIn(counts.toJson());
      LOG.info("history rebuild {} done: {}", id, counts.toJson().encode());
    } else {
      job.put("error", String.valueOf(failure.getMessage()));
      LOG.warn("history rebuild {} failed: {}", id, failure.toString());
    }
  }
}
