package dev.billpay.history;

import dev.billpay.events.CloudEvents;
import dev.billpay.events.EventTypes;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** The fields of a payment CloudEvent that the history tables are keyed and filtered by. */
public record HistoryEvent(
    String eventId,
    String type,
    Instant occurredAt,
    String paymentId,
    String clientId,
    String fundingAccountId,
    String status,
    long amount,
    String currency,
    String payload) implements ProjectedEvent {
  private static final String OTHER_RESOURCES_PREFIX = "billpay.";

  /**
   * Parses a record value. Empty for a well-formed event of another billpay resource (a funding account
   * blocked, a webhook endpoint disabled): those have no payment history row. Throws
   * IllegalArgumentException for anything else that is not a payment event.
   */
  public static Optional<HistoryEvent> parse(String value) {
    try {
      JsonObject event = new JsonObject(value);
      JsonObject data = event.getJsonObject("data");
      String id = required(event.getString("id"), "id");
      String type = required(event.getString("type"), "type");
      if (type.startsWith(OTHER_RESOURCES_PREFIX) && !type.startsWith(EventTypes.PAYMENT_PREFIX)) {
        required(event.getString("subject"), "subject");
        return Optional.empty();
      }
      if (!type.startsWith(EventTypes.PAYMENT_PREFIX)) {
        throw new IllegalArgumentException("not a payment event: " + type);
      }
      return Optional.of(new HistoryEvent(id, type, Instant.parse(required(event.getString("time"), "time")),
          required(event.getString("subject"), "subject"),
          required(event.getString(CloudEvents.CLIENT_ID_ATTRIBUTE), CloudEvents.CLIENT_ID_ATTRIBUTE),
          required(data.getString("funding_account_id"), "data.funding_account_id"),
          required(data.getString("status"), "data.status"),
          data.getLong("amount"), required(data.getString("currency"), "data.currency"), value));
    } catch (RuntimeException e) {
      throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.toString(), e);
    }
  }

  private static String required(String v, String field) {
    if (v == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v;
  }
}
