package dev.billpay.history;

import dev.billpay.http.QueryParams;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * GET /v1/funding-accounts/{id}/history: a time range (default: the last 366 days, at most ten
 * years) read newest first across month partitions. The cursor is opaque to clients: the position
 * (occurred_at, event_id) of the last entry returned.
 */
public record AccountHistoryQuery(Instant from, Instant to, int limit, Position after) {
  private static final Set<String> PARAMS = Set.of("from", "to", "limit", "starting_after");
  private static final long MAX_RANGE_DAYS = 3660;

  /** Where the previous page ended. */
  public record Position(Instant occurredAt, String eventId) {
    public String encode() {
      String raw = occurredAt.toEpochMilli() + ":" + eventId;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      String eventId = raw.substring(colon + 1);
      if (colon < 1 || !eventId.matches("evt_[0-9A-Za-z_]{1,80}")) {
        throw new IllegalArgumentException("bad cursor");
      }
      return new Position(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), eventId);
    }
  }

  public static AccountHistoryQuery parse(MultiMap params, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    params.names().stream().filter(n -> !PARAMS.contains(n))
        .forEach(n -> errors.add(new FieldError(n, "unknown query parameter")));
    Instant to = QueryParams.instant(params, "to", errors);
    to = to == null ? now : to;
    Instant from = QueryParams.instant(params, "from", errors);
    from = from == null ? to.minus(366, ChronoUnit.DAYS) : from;
    if (!from.isBefore(to) || ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
      errors.add(new FieldError("from", "must be before 'to' and at most " + MAX_RANGE_DAYS + " days earlier"));
    }
    int limit = 20;
    if (params.get("limit") != null) {
      try {
        limit = Integer.parseInt(params.get("limit"));
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > 100) {
        errors.add(new FieldError("limit", "must be an integer from 1 to 100"));
      }
    }
    Position after = null;
    if (params.get("starting_after") != null) {
      try {
        after = Position.decode(params.get("starting_after"));
      } catch (RuntimeException e) {
        errors.add(new FieldError("starting_after", "is not a cursor this API returned"));
      }
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new AccountHistoryQuery(from, to, limit, after);
  }

  /** The month partitions to read, newest first. */
  List<YearMonth> months() {
    Instant upper = after != null && after.occurredAt().isBefore(to) ? after.occurredAt() : to;
    YearMonth first = YearMonth.from(from.atOffset(ZoneOffset.UTC));
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(upper.atOffset(ZoneOffset.UTC)); !m.isBefore(first); m = m.minusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** Whether a row lies strictly after the cursor in newest-first order (i.e. was not shown yet). */
  boolean notYetShown(Instant occurredAt, String eventId) {
    if (after == null) {
      return true;
    }
    int byTime = occurredAt.compareTo(after.occurredAt());
    // clustering is (occurred_at DESC, event_id ASC): equal times were shown up to the cursor's id
    return byTime < 0 || byTime == 0 && eventId.compareTo(after.eventId()) > 0;
  }
}
