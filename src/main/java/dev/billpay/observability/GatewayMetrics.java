package dev.billpay.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process's meters, exposed at GET /metrics in the Prometheus format. Gauges hold the last value
 * their owner measured (the relay measures the outbox, the projector its lag); counters and timers
 * are recorded where things happen.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong outboxBacklog = new AtomicLong();
  private final AtomicLong outboxOldestAgeSeconds = new AtomicLong();
  private final AtomicLong projectorLag = new AtomicLong();
  private final Map<String, AtomicReference<Double>> returnRates = new ConcurrentHashMap<>();
  private final Counter eventsPublished;
  private final Counter eventsProjected;
  private final Counter eventsDeadLettered;

  public GatewayMetrics() {
    Gauge.builder("billpay_outbox_backlog", outboxBacklog, AtomicLong::get)
        .description("Outbox events not yet acknowledged by Kafka").register(registry);
    Gauge.builder("billpay_outbox_oldest_unsent_age_seconds", outboxOldestAgeSeconds, AtomicLong::get)
        .description("Age of the oldest outbox event not yet acknowledged by Kafka").register(registry);
    Gauge.builder("billpay_projector_lag", projectorLag, AtomicLong::get)
        .description("Records on the events topic not yet projected into Cassandra (this instance's partitions)")
        .register(registry);
    eventsPublished = Counter.builder("billpay_events_published_total")
        .description("Events acknowledged by Kafka").register(registry);
    eventsProjected = Counter.builder("billpay_events_projected_total")
        .description("Events written to the Cassandra history").register(registry);
    eventsDeadLettered = Counter.builder("billpay_events_dead_lettered_total")
        .description("Records sent to the dead-letter topic").register(registry);
  }

  public void outbox(long backlog, long oldestAgeSeconds) {
    outboxBacklog.set(backlog);
    outboxOldestAgeSeconds.set(oldestAgeSeconds);
  }

  public void projectorLag(long lag) {
    projectorLag.set(lag);
  }

  public void published(int n) {
    eventsPublished.increment(n);
  }

  public void projected(int n) {
    eventsProjected.increment(n);
  }

  public void deadLettered() {
    eventsDeadLettered.increment();
  }

  /**
   * One coalesced payment write: how many requests shared its transaction, and whether it committed
   * or fell back to one transaction per request.
   */
  public void paymentWriteBatch(int size, boolean committed) {
    io.micrometer.core.instrument.DistributionSummary.builder("billpay_payment_write_batch_size")
        .description("POST /v1/payments requests per shared write transaction").tag("outcome",
            committed ? "committed" : "one_by_one").register(registry).record(size);
  }

  /** HTTP server timings by method, route pattern (never the raw path: ids would explode cardinality) and status. */
  public void httpRequest(String method, String route, int status, long nanos) {
    Timer.builder("http_server_requests").tag("method", method).tag("route", route)
        .tag("status", Integer.toString(status)).register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** A cut-off wrote {@code files} files with {@code entries} entries and failed {@code failed} payments. */
  public void cleared(int files, int entries, int failed) {
    Counter.builder("billpay_clearing_files_total").description("NACHA files written at cut-offs").register(registry)
        .increment(files);
    Counter.builder("billpay_clearing_entries_total").description("Payments submitted in NACHA files")
        .register(registry).increment(entries);
    Counter.builder("billpay_clearing_failed_total").description("Pending payments that failed the execution check")
        .register(registry).increment(failed);
  }

  /** A bank file was imported (not a repeat) and left {@code exceptions} reconciliation exceptions. */
  public void bankFileImported(String kind, int exceptions) {
    Counter.builder("billpay_bank_files_imported_total").description("Bank files imported, by kind").tag("kind", kind)
        .register(registry).increment();
    Counter.builder("billpay_reconciliation_exceptions_total").description("Reconciliation exceptions created")
        .register(registry).increment(exceptions);
  }

  /** One webhook attempt: succeeded, failed with a retry to come ("retrying"), or failed for good. */
  public void webhookAttempt(String outcome, int latencyMs) {
    io.micrometer.core.instrument.Timer.builder("billpay_webhook_attempts")
        .description("Webhook delivery attempts by outcome, with their latency").tag("outcome", outcome)
        .register(registry).record(latencyMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * A history rebuild ended: {@code trigger} is who started it ("admin", or "store-check": the
   * projector found its Cassandra tables gone), {@code outcome} succeeded or failed.
   */
  public void historyRebuild(String trigger, String outcome) {
    Counter.builder("billpay_history_rebuilds_total")
        .description("History rebuilds from the events topic, by trigger and outcome").tag("trigger", trigger)
        .tag("outcome", outcome).register(registry).increment();
  }

  /**
   * A client's return rate of a category over the last 60 days, as last measured (a return file
   * measures the clients it returns payments of).
   */
  public void returnRate(String clientId, String category, double rate) {
    returnRates.computeIfAbsent(clientId + "/" + category, key -> {
      AtomicReference<Double> value = new AtomicReference<>(0.0);
      Gauge.builder("billpay_client_return_rate", value, AtomicReference::get)
          .description("A client's ACH return rate over the last 60 days (unauthorized, administrative, overall)")
          .tag("client", clientId).tag("category", category).register(registry);
      return value;
    }).set(rate);
  }

  public String scrape() {
    return registry.scrape();
  }
}
