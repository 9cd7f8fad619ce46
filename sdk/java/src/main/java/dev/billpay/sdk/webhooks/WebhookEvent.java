package dev.billpay.sdk.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billpay.sdk.BillpayJson;
import dev.billpay.sdk.model.ExpectedPayment;
import dev.billpay.sdk.model.FundingAccount;
import dev.billpay.sdk.model.Payment;
import dev.billpay.sdk.model.WebhookEndpoint;
import dev.billpay.sdk.webhooks.WebhookVerificationException.Reason;
import java.util.Optional;

/**
 * One event as the gateway sends it to webhooks and Kafka: a CloudEvents 1.0 envelope (docs/events.md) whose
 * {@code data} is the resource after the change, as the API shows it. {@link #resource()} gives it typed.
 *
 * @param id the event id ({@code evt_…}), the same as the {@code webhook-id} header: deduplicate by it
 * @param type e.g. {@code billpay.payment.created}
 * @param subject the resource's id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEvent(
    @JsonProperty("specversion") String specversion,
    @JsonProperty("id") String id,
    @JsonProperty("source") String source,
    @JsonProperty("type") String type,
    @JsonProperty("subject") String subject,
    @JsonProperty("time") String time,
    @JsonProperty("datacontenttype") String datacontenttype,
    @JsonProperty("clientid") String clientid,
    @JsonProperty("data") JsonNode data) {
  private static final ObjectMapper JSON = BillpayJson.mapper();

  /** Parses an event body (without verifying it: use WebhookVerifier for requests from outside). */
  public static WebhookEvent parse(String body) {
    try {
      WebhookEvent event = JSON.readValue(body, WebhookEvent.class);
      if (event.id() == null || event.type() == null) {
        throw new WebhookVerificationException(Reason.NOT_AN_EVENT, "no id or type: not a CloudEvents event");
      }
      return event;
    } catch (JsonProcessingException e) {
      throw new WebhookVerificationException(Reason.NOT_AN_EVENT, "body is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The changed resource as its model: a Payment for {@code billpay.payment.*}, a FundingAccount, an
   * ExpectedPayment or a WebhookEndpoint for theirs; the {@code data} JsonNode for a type this SDK has no
   * model for (e.g. {@code billpay.client.return_rate_exceeded}).
   */
  public Object resource() {
    Class<?> model = modelOf(type);
    return model == null ? data : dataAs(model);
  }

  public Optional<Payment> payment() {
    return type.startsWith("billpay.payment.") ? Optional.of(dataAs(Payment.class)) : Optional.empty();
  }

  public Optional<FundingAccount> fundingAccount() {
    return type.startsWith("billpay.funding_account.") ? Optional.of(dataAs(FundingAccount.class)) : Optional.empty();
  }

  public Optional<ExpectedPayment> expectedPayment() {
    return type.startsWith("billpay.expected_payment.") ? Optional.of(dataAs(ExpectedPayment.class))
        : Optional.empty();
  }

  /** {@code data} as any model class. */
  public <T> T dataAs(Class<T> model) {
    try {
      return JSON.treeToValue(data, model);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(type + " data is not a " + model.getSimpleName(), e);
    }
  }

  private static Class<?> modelOf(String type) {
    String resource = type.startsWith("billpay.") ? type.substring(8, Math.max(8, type.indexOf('.', 8))) : "";
    return switch (resource) {
      case "payment" -> Payment.class;
      case "funding_account" -> FundingAccount.class;
      case "expected_payment" -> ExpectedPayment.class;
      case "webhook_endpoint" -> WebhookEndpoint.class;
      default -> null;
    };
  }
}
