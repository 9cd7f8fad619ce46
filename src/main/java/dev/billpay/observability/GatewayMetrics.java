package dev.billpay.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

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

  /** HTTP server timings by method, route pattern (never the raw path: ids would explode cardinality) and status. */
  public void httpRequest(String method, String route, int status, long nanos) {
    Timer.builder("http_server_requests").tag("method", method).tag("route", route)
        .tag("status", Integer.toString(status)).register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public String scrape() {
    return registry.scrape();
  }
}
