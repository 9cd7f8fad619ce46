package dev.billpay.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The CloudEvent envelope is the same bytes for every resource")
class CloudEventsTest {
  private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

  @Test
  @DisplayName("a resource event encodes its attributes in one fixed order, the client id as an extension, then the data")
  void resourceEventBytes() {
    String encoded = ResourceEvents.of("/billpay-gateway/funding-accounts", ResourceEvents.FUNDING_ACCOUNT_BLOCKED,
        "fa_01ABC", 2, T, "cli_1", new JsonObject().put("id", "fa_01ABC").put("status", "blocked")).encode();
    assertThat(encoded).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"evt_01ABC_0002\","
        + "\"source\":\"/billpay-gateway/funding-accounts\",\"type\":\"billpay.funding_account.blocked\","
        + "\"subject\":\"fa_01ABC\",\"time\":\"2026-11-25T10:15:30.123Z\",\"datacontenttype\":\"application/json\","
        + "\"clientid\":\"cli_1\",\"data\":{\"id\":\"fa_01ABC\",\"status\":\"blocked\"}}");
  }
}
