package dev.billpay.payments;

import dev.billpay.http.Pagination;
import dev.billpay.http.QueryParams;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GET /v1/payments filters. Ids are time-ordered, so "newest first" is {@code ORDER BY id DESC} and the
 * cursor is simply the last id seen: stable under concurrent inserts, no offsets.
 */
public record PaymentQuery(
    String clientId,
    PaymentStatus status,
    String payeeId,
    String fundingAccountId,
    Instant createdGte,
    Instant createdLt,
    Pagination page) {

  private static final Set<String> PARAMS = Set.of("status", "payee_id", "funding_account_id", "created_gte",
      "created_lt", "limit", "starting_after");

  public record Sql(String text, Tuple params) {}

  public static PaymentQuery parse(String clientId, MultiMap params) {
    List<FieldError> errors = new ArrayList<>();
    params.names().stream().filter(n -> !PARAMS.contains(n))
        .forEach(n -> errors.add(new FieldError(n, "unknown query parameter")));
    PaymentStatus status = null;
    String s = params.get("status");
    if (s != null) {
      try {
        status = PaymentStatus.fromWire(s);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "must be one of scheduled, pending, submitted, settled, returned,"
            + " failed, canceled, needs_review"));
      }
    }
    Pagination page = Pagination.parse(params, "pay_", errors);
    PaymentQuery q = new PaymentQuery(clientId, status, id(params, "payee_id", "pe_", errors),
        id(params, "funding_account_id", "fa_", errors), QueryParams.instant(params, "created_gte", errors),
        QueryParams.instant(params, "created_lt", errors), page);
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return q;
  }

  Sql toSql(String select) {
    StringBuilder where = new StringBuilder(" WHERE client_id = $1");
    Tuple params = Tuple.of(clientId);
    if (status != null) {
      params.addString(status.wire());
      where.append(" AND status = $").append(params.size());
    }
    if (payeeId != null) {
      params.addString(payeeId);
      where.append(" AND payee_id = $").append(params.size());
    }
    if (fundingAccountId != null) {
      params.addString(fundingAccountId);
      where.append(" AND funding_account_id = $").append(params.size());
    }
    if (createdGte != null) {
      params.addOffsetDateTime(OffsetDateTime.ofInstant(createdGte, ZoneOffset.UTC));
      where.append(" AND created_at >= $").append(params.size());
    }
    if (createdLt != null) {
      params.addOffsetDateTime(OffsetDateTime.ofInstant(createdLt, ZoneOffset.UTC));
      where.append(" AND created_at < $").append(params.size());
    }
    if (page.startingAfter() != null) {
      params.addString(page.startingAfter());
      where.append(" AND id < $").append(params.size());
    }
    params.addInteger(page.limit() + 1);
    return new Sql(select + where + " ORDER BY id DESC LIMIT $" + params.size(), params);
  }

  private static String id(MultiMap params, String name, String prefix, List<FieldError> errors) {
    String v = params.get(name);
    if (v != null && !v.matches(prefix + "[0-9A-Za-z]{1,64}")) {
      errors.add(new FieldError(name, "must be an id like " + prefix + "01JD..."));
      return null;
    }
    return v;
  }
}
