package dev.billpay.events;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event type the gateway emits, as docs/events.md documents them (a test keeps the two equal).
 * The payment changes are listed by their wire names here, so this package depends on no feature; a
 * test in payments keeps them equal to "created" plus the payment states.
 */
public final class EventTypes {
  public static final String PAYMENT_PREFIX = "billpay.payment.";
  /** A payment's creation, then the state it enters with each change. */
  private static final List<String> PAYMENT_CHANGES = List.of("created", "scheduled", "pending", "submitted", "settled",
      "returned", "failed", "canceled", "needs_review");
  /** A change of a payment that is not a state: the banks dispute its return (dishonored or contested). */
  public static final String PAYMENT_RETURN_DISPUTED = "return_disputed";
  /** A reinitiation of a returned debit (R01/R09) was scheduled as a payment of its own. */
  public static final String PAYMENT_RETRY_SCHEDULED = "retry_scheduled";
  private static final Set<String> ALL = all();

  private EventTypes() {}

  public static boolean isKnown(String type) {
    return ALL.contains(type);
  }

  public static Set<String> known() {
    return ALL;
  }

  private static Set<String> all() {
    Set<String> types = new TreeSet<>();
    PAYMENT_CHANGES.forEach(change -> types.add(PAYMENT_PREFIX + change));
    types.add(PAYMENT_PREFIX + PAYMENT_RETURN_DISPUTED);
    types.add(PAYMENT_PREFIX + PAYMENT_RETRY_SCHEDULED);
    types.add(ResourceEvents.FUNDING_ACCOUNT_UPDATED);
    types.add(ResourceEvents.CLIENT_RETURN_RATE_EXCEEDED);
    types.add(ResourceEvents.FUNDING_ACCOUNT_BLOCKED);
    types.add(ResourceEvents.FUNDING_ACCOUNT_UPDATED);
    types.add(ResourceEvents.FUNDING_ACCOUNT_VERIFICATION_PENDING);
    types.add(ResourceEvents.FUNDING_ACCOUNT_VERIFIED);
    types.add(ResourceEvents.FUNDING_ACCOUNT_VERIFICATION_FAILED);
    types.add(ResourceEvents.WEBHOOK_ENDPOINT_DISABLED);
    types.add(ResourceEvents.WEBHOOK_ENDPOINT_FAILING);
    types.add(ResourceEvents.EXPECTED_PAYMENT_CREATED);
    types.add(ResourceEvents.EXPECTED_PAYMENT_PARTIALLY_RECONCILED);
    types.add(ResourceEvents.EXPECTED_PAYMENT_RECONCILED);
    types.add(ResourceEvents.EXPECTED_PAYMENT_OVERDUE);
    types.add(ResourceEvents.EXPECTED_PAYMENT_ARCHIVED);
    return Set.copyOf(types);
  }
}
