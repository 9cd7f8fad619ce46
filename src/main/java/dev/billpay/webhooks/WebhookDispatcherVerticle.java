package dev.billpay.webhooks;

import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import dev.billpay.events.ConsumedBatch;
import dev.billpay.events.KafkaClients;
import dev.billpay.events.CloudEvents;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns events from Kafka into persisted webhook deliveries (one per matching endpoint), then
 * commits offsets. It never calls an endpoint itself, so a slow endpoint can never hold up the
 * consumer; {@link WebhookDeliveryVerticle} sends them.
 */
public final class WebhookDispatcherVerticle extends VerticleBase {
  public static final String DELIVERIES_QUEUED = "billpay.webhooks.queued";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcherVerticle.class);

  private final GatewayConfig config;
  private final Clock clock;
  private Pool pool;
  private WebhookDeliveryRepository deliveries;
  private KafkaConsumer<String, String> consumer;
  private boolean stopped;

  public WebhookDispatcherVerticle(GatewayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.shared(vertx, config.pg());
    deliveries = new WebhookDeliveryRepository(pool);
    // a new group reads from the start; endpoints only get events newer than themselves
    consumer = KafkaClients.consumer(vertx, config.kafka(), config.webhooks().groupId());
    return consumer.subscribe(config.kafka().paymentEventsTopic()).onSuccess(v -> vertx.runOnContext(x -> loop()));
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return consumer.close().eventually(() -> pool.close());
  }

  private void loop() {
    if (stopped) {
      return;
    }
    consumer.poll(Duration.ofMillis(500)).compose(this::enqueue).onComplete(ar -> {
      if (stopped) {
        return;
      }
      if (ar.failed()) {
        LOG.warn("webhook dispatch failed, retrying: {}", ar.cause().toString());
        // the batch was rewound and is read again; enqueueing is idempotent
        vertx.setTimer(1000, id -> loop());
      } else {
        vertx.runOnContext(v -> loop());
      }
    });
  }

  private Future<Void> enqueue(KafkaConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WebhookDeliveryRepository.Incoming> events = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> r = records.recordAt(i);
      JsonObject event;
      Instant happened;
      try {
        event = new JsonObject(r.value());
        happened = Instant.parse(event.getString("time"));
      } catch (RuntimeException e) {
        continue; // the history projector parks unreadable records in the dead-letter topic
      }
      String clientId = event.getString(CloudEvents.CLIENT_ID_ATTRIBUTE);
      if (clientId == null || event.getString("id") == null || event.getString("type") == null) {
        continue;
      }
      events.add(new WebhookDeliveryRepository.Incoming(clientId, event, happened));
    }
    ConsumedBatch batch = ConsumedBatch.of(records);
    // the whole poll in one batched statement; offsets only after it, so a crash re-reads, never skips
    return deliveries.enqueueAll(events, clock.instant()).compose(queued -> consumer.commit().map(queued))
        .onSuccess(queued -> {
          if (queued > 0) {
            vertx.eventBus().publish(DELIVERIES_QUEUED, null);
          }
        }).<Void>mapEmpty()
        .recover(failure -> batch.rewind(consumer).compose(v -> Future.failedFuture(failure)));
  }
}
