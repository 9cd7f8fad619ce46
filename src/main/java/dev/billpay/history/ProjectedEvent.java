package dev.billpay.history;

import java.util.Optional;

/** An event the projector keeps in Cassandra: a payment's, or another resource's whose history is kept. */
public sealed interface ProjectedEvent permits HistoryEvent, ResourceEvent {
  /**
   * The event a record value holds, empty for a well-formed event whose history is not kept; throws
   * IllegalArgumentException for a record that is no billpay event at all.
   */
  static Optional<ProjectedEvent> parse(String value) {
    Optional<HistoryEvent> payment = HistoryEvent.parse(value);
    return payment.isPresent() ? Optional.of(payment.get()) : ResourceEvent.parse(value).map(e -> e);
  }
}
