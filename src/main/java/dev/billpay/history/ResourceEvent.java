package dev.billpay.history;

import dev.billpay.events.CloudEvents;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An event of a resource other than a payment whose history is kept, by resource: expected payments, whose
 * reconciliations a treasury team reads back as they happened.
 */
public record ResourceEvent(String eventId, String type, Instant occurredAt, String resourceId, String clientId,
    String payload) implements ProjectedEvent {
  /** The event types whose history is kept besides payments'. */
  static final List<String> KEPT_PREFIXES = List.of("billpay.expected_payment.");

  /** Empty unless the value is a well-formed event of a kept type; only called for values that parsed as JSON. */
  static Optional<ResourceEvent> parse(String value) {
    JsonObject event = new JsonObject(value);
    String type = event.getString("type");
    if (type == null || KEPT_PREFIXES.stream().noneMatch(type::startsWith)) {
      return Optional.empty();
    }
    String id = event.getString("id");
    String subject = event.getString("subject");
    String client = event.getString(CloudEvents.CLIENT_ID_ATTRIBUTE);
    String time = event.getString("time");
    if (id == null || subject == null || client == null || time == null) {
      throw new IllegalArgumentException("event " + id + " of type " + type + " lacks its id, subject, client or time");
    }
    return Optional.of(new ResourceEvent(id, type, Instant.parse(time), subject, client, value));
  }
}
