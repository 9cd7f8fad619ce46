package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.webhooks.CreateWebhookEndpointRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The event types the gateway knows are exactly those docs/events.md documents")
class EventTypesTest {

  @Test
  @DisplayName("every documented type is known, and every known type is documented")
  void sameAsTheDocs() throws Exception {
    assertThat(EventTypes.known()).containsExactlyInAnyOrderElementsOf(DocumentedEvents.examples().keySet());
  }

  @Test
  @DisplayName("a webhook endpoint subscribes to known types or *, and a typo is a 400 naming it")
  void subscriptions() {
    JsonObject body = new JsonObject().put("url", "https://example.com/hook");
    assertThat(CreateWebhookEndpointRequest.parse(body.copy().put("event_types",
        new JsonArray().add("billpay.payment.settled").add("billpay.funding_account.blocked"))).eventTypes())
        .hasSize(2);
    assertThat(CreateWebhookEndpointRequest.parse(body.copy().put("event_types", new JsonArray().add("*")))
        .eventTypes()).containsExactly("*");
    assertThatThrownBy(() -> CreateWebhookEndpointRequest.parse(body.copy().put("event_types",
        new JsonArray().add("billpay.payment.setled"))))
        .isInstanceOfSatisfying(DomainException.class, p -> {
          assertThat(p.status()).isEqualTo(400);
          assertThat(p.errors()).extracting(FieldError::field).containsExactly("event_types");
          assertThat(p.errors().get(0).message()).contains("billpay.payment.setled");
        });
  }
}
