package dev.billpay.http;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** Cursor pagination shared by every list: {@code limit} 1-100 and {@code starting_after} an id. */
public record Pagination(int limit, String startingAfter) {
  public static final int DEFAULT_LIMIT = 20;

  public static Pagination parse(MultiMap params, String idPrefix, List<FieldError> errors) {
    int limit = DEFAULT_LIMIT;
    String l = params.get("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 100) {
        errors.add(new FieldError("limit", "must be an integer from 1 to 100"));
        limit = DEFAULT_LIMIT;
      }
    }
    String after = params.get("starting_after");
    if (after != null && !after.matches(idPrefix + "[0-9A-Za-z_]{1,100}")) {
      errors.add(new FieldError("starting_after", "must be an id like " + idPrefix + "01JD..."));
      after = null;
    }
    return new Pagination(limit, after);
  }

  /** For lists without filters: only limit and starting_after are accepted. */
  public static Pagination fromQuery(MultiMap params, String idPrefix) {
    List<FieldError> errors = new java.util.ArrayList<>();
    params.names().stream().filter(n -> !n.equals("limit") && !n.equals("starting_after"))
        .forEach(n -> errors.add(new FieldError(n, "unknown query parameter")));
    Pagination page = parse(params, idPrefix, errors);
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return page;
  }

  /** This page of {@code fetched} (the query asked for limit + 1 rows) in the list envelope. */
  public <T> JsonObject page(List<T> fetched, Function<T, JsonObject> toJson, Function<T, String> idOf) {
    return ListEnvelope.page(fetched, limit, toJson, idOf);
  }
}
