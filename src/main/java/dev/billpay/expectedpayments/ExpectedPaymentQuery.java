package dev.billpay.expectedpayments;

import dev.billpay.http.Pagination;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GET /v1/expected-payments filters. {@code from}/{@code to} keep the expected payments whose date window overlaps
 * them. Newest first by id with the last id seen as the cursor, as every list.
 */
public record ExpectedPaymentQuery(String clientId, ExpectedPaymentStatus status, Direction direction,
    String currency, String reference, LocalDate from, LocalDate to, Pagination page) {
  static final String ID_PREFIX = "ep_";
  private static final Set<String> PARAMS = Set.of("status", "direction", "currency", "reference", "from", "to",
      "limit", "starting_after");

  record Sql(String text, Tuple params) {}

  public static ExpectedPaymentQuery parse(String clientId, MultiMap params) {
    List<FieldError> errors = new ArrayList<>();
    params.names().stream().filter(n -> !PARAMS.contains(n)).sorted()
        .forEach(n -> errors.add(new FieldError(n, "unknown query parameter")));
    ExpectedPaymentStatus status = null;
    if (params.get("status") != null) {
      status = ExpectedPaymentStatus.fromWire(params.get("status")).orElse(null);
      if (status == null) {
        errors.add(new FieldError("status", "must be one of unreconciled, partially_reconciled, reconciled, overdue,"
            + " archived"));
      }
    }
    Direction direction = null;
    if (params.get("direction") != null) {
      direction = Direction.fromWire(params.get("direction")).orElse(null);
      if (direction == null) {
        errors.add(new FieldError("direction", "must be credit or debit"));
      }
    }
    String currency = params.get("currency");
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code such as USD"));
    }
    LocalDate from = date(params, "from", errors);
    LocalDate to = date(params, "to", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new FieldError("to", "must be on or after from"));
    }
    Pagination page = Pagination.parse(params, ID_PREFIX, errors);
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new ExpectedPaymentQuery(clientId, status, direction, currency, params.get("reference"), from, to, page);
  }

  private static LocalDate date(MultiMap params, String name, List<FieldError> errors) {
    String v = params.get(name);
    if (v == null) {
      return null;
    }
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a date like 2026-12-01"));
    return null;
  }

  Sql toSql(String select) {
    StringBuilder where = new StringBuilder(" WHERE client_id = $1");
    Tuple params = Tuple.of(clientId);
    condition(where, params, status == null ? null : status.wire(), " AND status = $");
    condition(where, params, direction == null ? null : direction.wire(), " AND direction = $");
    condition(where, params, currency, " AND currency = $");
    condition(where, params, reference, " AND reference = $");
    condition(where, params, from, " AND window_end >= $");
    condition(where, params, to, " AND window_start <= $");
    condition(where, params, page.startingAfter(), " AND id < $");
    params.addInteger(page.limit() + 1);
    return new Sql(select + where + " ORDER BY id DESC LIMIT $" + params.size(), params);
  }

  private static void condition(StringBuilder where, Tuple params, Object value, String clause) {
    if (value != null) {
      params.addValue(value);
      where.append(clause).append(params.size());
    }
  }
}
