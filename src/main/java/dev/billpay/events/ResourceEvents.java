package dev.billpay.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The event types of state changes of resources other than payments (a funding account blocked, a
 * webhook endpoint disabled), in the {@link CloudEvents} envelope. The Kafka key is the resource id,
 * so one resource's events stay in order.
 */
public final class ResourceEvents {
  public static final String FUNDING_ACCOUNT_BLOCKED = "billpay.funding_account.blocked";
  public static final String FUNDING_ACCOUNT_UPDATED = "billpay.funding_account.updated";
  public static final String FUNDING_ACCOUNT_VERIFICATION_PENDING = "billpay.funding_account.verification_pending";
  public static final String FUNDING_ACCOUNT_VERIFIED = "billpay.funding_account.verified";
  public static final String FUNDING_ACCOUNT_VERIFICATION_FAILED = "billpay.funding_account.verification_failed";
  /** A client's return rate over the last 60 days crossed one of the Rules' thresholds. */
  public static final String CLIENT_RETURN_RATE_EXCEEDED = "billpay.client.return_rate_exceeded";
  public static final String WEBHOOK_ENDPOINT_DISABLED = "billpay.webhook_endpoint.disabled";
  public static final String WEBHOOK_ENDPOINT_FAILING = "billpay.webhook_endpoint.failing";
  /** An expected payment's life: created, money received (in part or in full), window passed, archived. */
  public static final String EXPECTED_PAYMENT_CREATED = "billpay.expected_payment.created";
  public static final String EXPECTED_PAYMENT_PARTIALLY_RECONCILED = "billpay.expected_payment.partially_reconciled";
  public static final String EXPECTED_PAYMENT_RECONCILED = "billpay.expected_payment.reconciled";
  public static final String EXPECTED_PAYMENT_OVERDUE = "billpay.expected_payment.overdue";
  public static final String EXPECTED_PAYMENT_ARCHIVED = "billpay.expected_payment.archived";

  private ResourceEvents() {}

  public static JsonObject of(String source, String type, String resourceId, int version, Instant time,
      String clientId, JsonObject data) {
    return CloudEvents.of(source, type, resourceId, version, time, clientId, data);
  }
}
