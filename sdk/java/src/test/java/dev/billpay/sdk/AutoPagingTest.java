package dev.billpay.sdk;

import static dev.billpay.sdk.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.sdk.model.ListPaymentsParams;
import dev.billpay.sdk.model.Payment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Auto-paging over a cursor list")
class AutoPagingTest {
  private final ScriptedServer server = new ScriptedServer();

  AutoPagingTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  private static String page(boolean hasMore, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"object\":\"payment\"}");
    }
    return "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":" + hasMore + ",\"next_cursor\":"
        + (hasMore ? "\"" + ids[ids.length - 1] + "\"" : "null") + "}";
  }

  @Test
  @DisplayName("reads page after page with starting_after = the previous next_cursor, keeping the other parameters")
  void pages() {
    server.then(json(200, page(true, "pay_1", "pay_2"))).then(json(200, page(true, "pay_3", "pay_4")))
        .then(json(200, page(false, "pay_5")));
    BillpayClient client = BillpayClient.builder().baseUrl(server.url()).apiKey("k").build();

    Paginated<Payment> all = client.listPaymentsAutoPaging(ListPaymentsParams.of().withLimit(2L));
    assertThat(server.received).as("nothing is fetched before iteration").isEmpty();
    assertThat(all.stream().map(Payment::id)).containsExactly("pay_1", "pay_2", "pay_3", "pay_4", "pay_5");

    assertThat(server.received).extracting(ScriptedServer.Received::query)
        .containsExactly("limit=2", "limit=2&starting_after=pay_2", "limit=2&starting_after=pay_4");
  }

  @Test
  @DisplayName("an empty first page is an empty iteration, and a stream stops fetching when it is short-circuited")
  void emptyAndShortCircuit() {
    server.then(json(200, page(false)));
    BillpayClient client = BillpayClient.builder().baseUrl(server.url()).apiKey("k").build();
    assertThat(client.listPaymentsAutoPaging()).isEmpty();

    server.then(json(200, page(true, "pay_1", "pay_2"))).then(json(200, page(false, "pay_3")));
    assertThat(client.listPaymentsAutoPaging().stream().findFirst()).map(Payment::id).contains("pay_1");
    assertThat(server.received).hasSize(2);
  }
}
