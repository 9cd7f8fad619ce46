package dev.billpay.plans;

import dev.billpay.payments.CreatePaymentRequest;
import dev.billpay.payments.PaymentSpeed;
import dev.billpay.scheduling.Recurrence;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Money;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of POST /v1/payment-plans: what each occurrence pays (validated exactly as a payment is) and
 * when (the recurrence); every problem is reported at once.
 */
public record CreatePlanRequest(String fundingAccountId, String payeeId, Money amount, PaymentSpeed speed,
    Recurrence recurrence, ZoneId zone, String description) {
  private static final Set<String> PAYMENT_FIELDS =
      Set.of("funding_account_id", "payee_id", "amount", "currency", "speed");
  private static final Set<String> PLAN_FIELDS =
      Set.of("frequency", "start_date", "end_date", "count", "day_of_month", "time_zone", "description");

  public static CreatePlanRequest parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject payment = new JsonObject();
    for (String name : body.fieldNames()) {
      if (PAYMENT_FIELDS.contains(name)) {
        payment.put(name, body.getValue(name));
      } else if (!PLAN_FIELDS.contains(name)) {
        errors.add(new FieldError(name, "unknown field"));
      }
    }
    CreatePaymentRequest each = null;
    try {
      each = CreatePaymentRequest.parse(payment);
    } catch (DomainException p) {
      errors.addAll(p.errors());
    }
    Object frequency = body.getValue("frequency");
    if (frequency != null && !(frequency instanceof String)) {
      errors.add(new FieldError("frequency", "must be one of once, weekly, biweekly, monthly"));
      frequency = null;
    }
    LocalDate start = date(body, "start_date", errors);
    LocalDate end = date(body, "end_date", errors);
    Integer count = integer(body, "count", errors);
    Integer dayOfMonth = integer(body, "day_of_month", errors);
    Recurrence.Parsed parsed = Recurrence.parse((String) frequency, start, end, count, dayOfMonth);
    parsed.problems().forEach(p -> errors.add(new FieldError(p.field(), p.message(), p.code())));
    ZoneId zone = zone(body, errors);
    Object description = body.getValue("description");
    if (description != null && !(description instanceof String s && s.length() <= 200)) {
      errors.add(new FieldError("description", "must be a string of at most 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new CreatePlanRequest(each.fundingAccountId(), each.payeeId(), each.amount(), each.speed(),
        parsed.recurrence().orElseThrow(), zone, (String) description);
  }

  private static LocalDate date(JsonObject body, String field, List<FieldError> errors) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    try {
      if (v instanceof String s && s.length() == 10) {
        return LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
    return null;
  }

  private static Integer integer(JsonObject body, String field, List<FieldError> errors) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer i) {
      return i;
    }
    errors.add(new FieldError(field, "must be an integer"));
    return null;
  }

  private static ZoneId zone(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("time_zone");
    if (v == null) {
      return ZoneId.of("UTC");
    }
    if (v instanceof String s && s.length() <= 64 && s.contains("/") || "UTC".equals(v)) {
      try {
        return ZoneId.of((String) v);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    errors.add(new FieldError("time_zone", "must be an IANA time zone such as America/New_York"));
    return null;
  }
}
