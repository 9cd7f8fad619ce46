package dev.billpay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Account history: GET /v1/funding-accounts/{id}/history pages across month partitions")
class AccountHistoryIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @Test
  @DisplayName("5,000 events across several months page back completely, newest first, without duplicates")
  void pagesBackCompletely() throws Exception {
    String fa = Fixtures.createFundingAccount(Api.DEV_KEY, "4455667788");
    HistoryRepository history = new HistoryRepository(Probes.cassandra(), SharedStack.config().cassandra().keyspace());
    Instant newest = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);
    List<HistoryEvent> written = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // events 9 and 10, 19 and 20, ... share a millisecond: with pages of 100, every page boundary
      // (99|100, 199|200, ...) falls inside a tie, which the cursor must split by event id
      long step = i % 10 == 0 && i > 0 ? i - 1 : i;
      Instant at = newest.minus(step * 45, ChronoUnit.MINUTES);
      String paymentId = "pay_01HIST" + String.format("%05d", i);
      written.add(new HistoryEvent(String.format("evt_01HIST%05d_0001", i), "billpay.payment.created", at, paymentId,
          "cli_dev", fa, "pending", 100 + i, "USD", "{}"));
    }
    var context = gateway.vertx().getOrCreateContext();
    for (int from = 0; from < written.size(); from += 250) {
      List<Future<Void>> writes = new ArrayList<>();
      for (HistoryEvent e : written.subList(from, Math.min(written.size(), from + 250))) {
        writes.add(history.write(e, context));
      }
      Future.all(writes).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    List<String> expected = written.stream()
        .sorted(Comparator.comparing(HistoryEvent::occurredAt).reversed().thenComparing(HistoryEvent::eventId))
        .map(HistoryEvent::eventId).toList();
    Instant oldest = written.get(written.size() - 1).occurredAt();
    assertThat(ChronoUnit.DAYS.between(oldest, newest)).as("spans several months").isGreaterThan(120);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Response page = api.get(Api.DEV_KEY, "/v1/funding-accounts/" + fa + "/history?limit=100&from="
          + oldest.minus(1, ChronoUnit.DAYS) + (cursor == null ? "" : "&starting_after=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().getJsonArray("data").forEach(e -> seen.add(((JsonObject) e).getString("id")));
      cursor = page.json().getBoolean("has_more") ? page.json().getString("next_cursor") : null;
      pages++;
    } while (cursor != null && pages < 100);

    assertThat(seen).hasSize(5000).doesNotHaveDuplicates();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(50);
  }

  @Test
  @DisplayName("another client's account history is 404, and bad ranges or cursors are 400")
  void tenancyAndValidation() {
    String fa = Fixtures.createFundingAccount(Api.DEV_KEY, "9988776655");
    assertThat(api.get(Api.DEV_KEY, "/v1/funding-accounts/" + fa + "/history").status()).isEqualTo(200);
    assertThat(api.get(Api.DEV_KEY, "/v1/funding-accounts/fa_01NOSUCH/history").status()).isEqualTo(404);
    assertThat(api.get(Api.DEV_KEY, "/v1/funding-accounts/" + fa + "/history?starting_after=garbage").status())
        .isEqualTo(400);
    assertThat(api.get(Api.DEV_KEY, "/v1/funding-accounts/" + fa
        + "/history?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z").status()).isEqualTo(400);
  }
}
