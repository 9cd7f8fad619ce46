package dev.billpay.expectedpayments;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Where an expected payment's events are read back, oldest first: the history store, which the projector fills
 * from Kafka a moment after each change commits. The composition root hands it in.
 */
@FunctionalInterface
public interface ExpectedPaymentHistory {
  Future<List<JsonObject>> eventsOf(String expectedPaymentId, Context context);
}
