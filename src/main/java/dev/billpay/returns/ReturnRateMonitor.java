package dev.billpay.returns;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payments.DebitPause;
import dev.billpay.payments.PaymentQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Watches each client's return rates over the last 60 days whenever a return file returns one of its
 * payments, in that file's transaction: the rates become gauges, and crossing a threshold is recorded
 * and published once as {@code billpay.client.return_rate_exceeded} (until the rate is back under,
 * when a later crossing is told again). With {@code pauseDebits}, a client over any threshold gets
 * 422 return-rate-exceeded for new debits.
 */
public final class ReturnRateMonitor implements DebitPause {
  public static final String SOURCE = "/billpay-gateway/clients";
  private final Pool pool;
  private final GatewayMetrics metrics;
  private final boolean pauseDebits;

  public ReturnRateMonitor(Pool pool, GatewayMetrics metrics, boolean pauseDebits) {
    this.pool = pool;
    this.metrics = metrics;
    this.pauseDebits = pauseDebits;
  }

  /** The pause of new debits, as the configuration asks: never, or while a client is over a threshold. */
  public DebitPause pause() {
    return pauseDebits ? this : DebitPause.NEVER;
  }

  /**
   * Measured now rather than read from the recorded crossings: a paused client makes no new entries,
   * so only the window moving on brings its rate back under, and no return file would tell.
   */
  @Override
  public Future<Boolean> isPaused(String clientId) {
    return PaymentQueries.returnCounts(pool, clientId, windowStart(Instant.now())).map(counts -> {
      for (ReturnRateCategory category : ReturnRateCategory.values()) {
        if (category.exceeded(counts.entries(), counts.returnsByCode())) {
          return true;
        }
      }
      return false;
    });
  }

  private static LocalDate windowStart(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(ReturnRateCategory.WINDOW_DAYS);
  }

  /** Measures the clients' rates after their returns were applied, in the caller's transaction. */
  public Future<Void> afterReturns(SqlConnection conn, Collection<String> clientIds, Instant at) {
    LocalDate since = windowStart(at);
    Future<Void> chain = Future.succeededFuture();
    for (String clientId : clientIds) {
      chain = chain.compose(v -> PaymentQueries.returnCounts(conn, clientId, since)
          .compose(counts -> ReturnRateRepository.open(conn, clientId)
              .compose(open -> update(conn, clientId, counts, open, at))));
    }
    return chain;
  }

  private Future<Void> update(SqlConnection conn, String clientId, PaymentQueries.ReturnCounts counts,
      Set<ReturnRateCategory> open, Instant at) {
    Future<Void> chain = Future.succeededFuture();
    Map<String, Long> byCode = counts.returnsByCode();
    for (ReturnRateCategory category : ReturnRateCategory.values()) {
      double rate = category.rate(counts.entries(), byCode);
      metrics.returnRate(clientId, category.wire(), rate);
      boolean over = category.exceeded(counts.entries(), byCode);
      if (over && !open.contains(category)) {
        long returns = category.returns(byCode);
        chain = chain.compose(v -> ReturnRateRepository.crossed(conn, clientId, category, rate, returns,
            counts.entries(), at).compose(version -> version == 0 ? Future.succeededFuture()
                : OutboxWriter.append(conn, ResourceEvents.of(SOURCE, ResourceEvents.CLIENT_RETURN_RATE_EXCEEDED,
                    clientId, version, at, clientId, data(clientId, category, rate, returns, counts.entries(), at)),
                    clientId, at)));
      } else if (!over && open.contains(category)) {
        chain = chain.compose(v -> ReturnRateRepository.backUnder(conn, clientId, category));
      }
    }
    return chain;
  }

  private static JsonObject data(String clientId, ReturnRateCategory category, double rate, long returns,
      long entries, Instant at) {
    return new JsonObject().put("object", "return_rate").put("client_id", clientId).put("category", category.wire())
        .put("rate", rate).put("threshold", category.threshold()).put("returns", returns).put("entries", entries)
        .put("window_days", ReturnRateCategory.WINDOW_DAYS).put("crossed_at", at.toString());
  }
}
