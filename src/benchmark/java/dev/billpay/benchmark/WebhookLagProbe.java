package dev.billpay.benchmark;

import dev.billpay.benchmark.BenchmarkResults.WebhookLag;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Accept-to-delivery lag of the webhooks (--webhooks): for every payment's created event accepted in
 * a window, the instant its delivery succeeded (the dispatcher records it when the receiver's 200
 * came back) minus the event's time, both from the gateway's clock.
 */
final class WebhookLagProbe {
  private static final String DELIVERIES = """
      SELECT status, (extract(epoch FROM updated_at) * 1000)::bigint
        - (extract(epoch FROM (payload::jsonb->>'time')::timestamptz) * 1000)::bigint
      FROM webhook_deliveries
      WHERE event_type = 'billpay.payment.created'
        AND (payload::jsonb->>'time')::timestamptz >= $1 AND (payload::jsonb->>'time')::timestamptz < $2""";

  private WebhookLagProbe() {}

  static WebhookLag within(Pool pool, long fromMillis, long toMillis) throws Exception {
    List<Long> lags = new ArrayList<>();
    int notDelivered = 0;
    for (Row row : pool.preparedQuery(DELIVERIES).execute(Tuple.of(at(fromMillis), at(toMillis)))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS)) {
      if ("succeeded".equals(row.getString(0))) {
        lags.add(row.getLong(1));
      } else {
        notDelivered++;
      }
    }
    return new WebhookLag(LatencySummary.exact(lags.stream().mapToLong(Long::longValue).toArray()), notDelivered);
  }

  private static OffsetDateTime at(long millis) {
    return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
  }
}
