package dev.billpay.events;

import dev.billpay.payments.PaymentStatus;
import java.util.Set;
import java.util.TreeSet;

/** Every event type the gateway emits, as docs/events.md documents them (a test keeps the two equal). */
public final class EventTypes {
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
    types.add("billpay.payment.created");
    for (PaymentStatus status : PaymentStatus.values()) {
      types.add("billpay.payment." + status.wire());
    }
    types.add(ResourceEvents.FUNDING_ACCOUNT_BLOCKED);
    types.add(ResourceEvents.WEBHOOK_ENDPOINT_DISABLED);
    types.add(ResourceEvents.WEBHOOK_ENDPOINT_FAILING);
    return Set.copyOf(types);
  }
}
