package dev.billpay.expectedpayments;

import dev.billpay.events.OutboxWriter;
import dev.billpay.events.ResourceEvents;
import java.util.List;

/**
 * The events of an expected payment: the resource, as GET shows it, as data; the version in the event id is the
 * expected payment's, so each change has one event whoever appends it, and the Kafka key is its id, so its events
 * stay in order.
 */
final class ExpectedPaymentEvents {
  static final String SOURCE = "/billpay-gateway/expected-payments";

  private ExpectedPaymentEvents() {}

  static OutboxWriter.Pending of(String type, ExpectedPayment p, List<MatchedTransaction> transactions) {
    return new OutboxWriter.Pending(ResourceEvents.of(SOURCE, type, p.id(), p.version(), p.updatedAt(),
        p.clientId(), p.toJson(transactions)), p.id());
  }

  /** The event of money received: reconciled once the amount is reached, partially_reconciled before. */
  static String ofReceiving(ExpectedPaymentStatus after) {
    return after == ExpectedPaymentStatus.RECONCILED ? ResourceEvents.EXPECTED_PAYMENT_RECONCILED
        : ResourceEvents.EXPECTED_PAYMENT_PARTIALLY_RECONCILED;
  }
}
