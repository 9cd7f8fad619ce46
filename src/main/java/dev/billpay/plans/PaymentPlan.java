package dev.billpay.plans;

import dev.billpay.payments.PaymentSpeed;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.scheduling.Recurrence;
import dev.billpay.shared.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A payment plan as stored; {@link #toJson} is the resource as the API shows it. */
public record PaymentPlan(
    String id,
    String clientId,
    String fundingAccountId,
    String payeeId,
    Money amount,
    PaymentSpeed speed,
    Recurrence recurrence,
    ZoneId zone,
    String description,
    String status,
    LocalDate materializedThrough,
    int version,
    Instant createdAt,
    Instant updatedAt) {
  /** How many upcoming occurrences the resource shows. */
  public static final int SHOWN_OCCURRENCES = 5;

  /** The plan's date "today": plans live in their own time zone, not the server's. */
  public LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, zone);
  }

  /** When an occurrence becomes due (pending): the start of its date in the plan's zone, DST-safe. */
  public Instant dueAt(LocalDate occurrence) {
    return occurrence.atStartOfDay(zone).toInstant();
  }

  public JsonObject toJson(Instant now, BankingCalendar calendar) {
    JsonArray next = new JsonArray();
    if ("active".equals(status) || "paused".equals(status)) {
      for (LocalDate d : recurrence.next(today(now).minusDays(1), SHOWN_OCCURRENCES)) {
        next.add(new JsonObject().put("date", d.toString()).put("effective_date", calendar.onOrAfter(d).toString()));
      }
    }
    return new JsonObject()
        .put("id", id)
        .put("object", "payment_plan")
        .put("status", status)
        .put("amount", amount.minor())
        .put("currency", amount.currencyCode())
        .put("speed", speed.wire())
        .put("funding_account_id", fundingAccountId)
        .put("payee_id", payeeId)
        .put("frequency", recurrence.frequency().wire())
        .put("start_date", recurrence.startDate().toString())
        .put("end_date", recurrence.endDate() == null ? null : recurrence.endDate().toString())
        .put("count", recurrence.count())
        .put("day_of_month", recurrence.dayOfMonth())
        .put("time_zone", zone.getId())
        .put("description", description)
        .put("next_occurrences", next)
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString());
  }
}
