package dev.billpay.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The results of an {@code executeBatch}: one row set per tuple, chained by {@link RowSet#next()}.
 * A batch is one round trip for many statements, which is how the write path coalesces requests.
 */
public final class BatchResults {
  private BatchResults() {}

  /** Maps each tuple's row set, in the order the tuples were given. */
  public static <T> List<T> each(RowSet<Row> first, int tuples, Function<RowSet<Row>, T> mapper) {
    List<T> out = new ArrayList<>(tuples);
    RowSet<Row> rows = first;
    for (int i = 0; i < tuples; i++) {
      out.add(mapper.apply(rows));
      rows = rows.next();
    }
    return out;
  }
}
