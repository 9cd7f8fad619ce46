package dev.billpay.webhooks;

import dev.billpay.events.EventTypes;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The body of POST /v1/webhook-endpoints. */
public record CreateWebhookEndpointRequest(String url, List<String> eventTypes, String description) {
  private static final Set<String> FIELDS = Set.of("url", "event_types", "description");

  public static CreateWebhookEndpointRequest parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f))
        .forEach(f -> errors.add(new FieldError(f, "unknown field")));
    Object url = body.getValue("url");
    if (!(url instanceof String u) || u.isBlank() || u.length() > 2048) {
      errors.add(new FieldError("url", "is required: an https URL of at most 2048 characters"));
    }
    List<String> types = new ArrayList<>();
    Object raw = body.getValue("event_types");
    if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > 50) {
      errors.add(new FieldError("event_types", "must list 1-50 event types, e.g. [\"billpay.payment.created\"] or [\"*\"]"));
    } else {
      for (Object t : array) {
        // a typo would subscribe to nothing, silently: only the types we emit are accepted
        if (t instanceof String s && ("*".equals(s) || EventTypes.isKnown(s))) {
          types.add(s);
        } else {
          errors.add(new FieldError("event_types", "'" + t + "' is not an event type (see docs/events.md) or *"));
        }
      }
    }
    Object description = body.getValue("description");
    if (description != null && (!(description instanceof String d) || d.length() > 200)) {
      errors.add(new FieldError("description", "must be a string of at most 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new CreateWebhookEndpointRequest(((String) url).strip(), List.copyOf(types), (String) description);
  }
}
