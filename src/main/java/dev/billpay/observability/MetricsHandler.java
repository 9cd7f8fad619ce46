package dev.billpay.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /metrics (Prometheus text format) and the per-request HTTP timer. */
public final class MetricsHandler {
  private final GatewayMetrics metrics;

  public MetricsHandler(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
  }

  /** Put first on the router: times every request until its response ends. */
  public void timeRequests(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      var route = ctx.currentRoute();
      String pattern = route != null && route.getPath() != null ? route.getPath() : "unmatched";
      metrics.httpRequest(ctx.request().method().name(), pattern, ctx.response().getStatusCode(),
          System.nanoTime() - start);
    });
    ctx.next();
  }
}
