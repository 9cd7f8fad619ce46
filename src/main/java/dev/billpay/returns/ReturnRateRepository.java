package dev.billpay.returns;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/** The return-rate thresholds each client is over now, in PostgreSQL: the only writer of the table. */
public final class ReturnRateRepository {
  /** Locked: two return files of one client decide its crossings one after the other. */
  private static final String OPEN = "SELECT category FROM client_return_rate_breaches WHERE client_id = $1 FOR UPDATE";
  private static final String CROSSED = "INSERT INTO client_return_rate_breaches (client_id, category, rate, threshold,"
      + " returns, entries, crossed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING"
      + " nextval('return_rate_event_version') AS version";
  private static final String BACK_UNDER = "DELETE FROM client_return_rate_breaches WHERE client_id = $1"
      + " AND category = $2";

  private ReturnRateRepository() {}

  static Future<Set<ReturnRateCategory>> open(SqlConnection conn, String clientId) {
    return conn.preparedQuery(OPEN).execute(Tuple.of(clientId)).map(rows -> {
      Set<ReturnRateCategory> open = EnumSet.noneOf(ReturnRateCategory.class);
      rows.forEach(r -> open.add(ReturnRateCategory.valueOf(r.getString(0).toUpperCase(java.util.Locale.ROOT))));
      return open;
    });
  }

  /** Records the crossing; answers the version of its event (0 if it was recorded already). */
  static Future<Integer> crossed(SqlConnection conn, String clientId, ReturnRateCategory category, double rate,
      long returns, long entries, Instant at) {
    return conn.preparedQuery(CROSSED).execute(Tuple.of(clientId, category.wire(), decimal(rate),
        decimal(category.threshold()), (int) returns, (int) entries, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
        .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getLong("version").intValue());
  }

  static Future<Void> backUnder(SqlConnection conn, String clientId, ReturnRateCategory category) {
    return conn.preparedQuery(BACK_UNDER).execute(Tuple.of(clientId, category.wire())).mapEmpty();
  }

  private static BigDecimal decimal(double rate) {
    return BigDecimal.valueOf(rate).setScale(6, RoundingMode.HALF_UP);
  }
}
