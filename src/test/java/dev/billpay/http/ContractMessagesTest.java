package dev.billpay.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validation messages say what the contract expects")
class ContractMessagesTest {
  private static String describe(String schema) {
    return ContractMessages.describe(new JsonObject(schema));
  }

  @Test
  @DisplayName("integers with their range, strings with length, format or pattern, enums, nullables")
  void describes() {
    assertThat(describe("{\"type\":\"integer\",\"minimum\":1,\"maximum\":100}")).isEqualTo("must be an integer from 1 to 100");
    assertThat(describe("{\"type\":\"integer\",\"minimum\":1,\"maximum\":4611686018427387903}"))
        .isEqualTo("must be an integer of at least 1");
    assertThat(describe("{\"type\":[\"integer\",\"null\"],\"minimum\":1,\"maximum\":31}"))
        .isEqualTo("must be an integer from 1 to 31 (or null)");
    assertThat(describe("{\"type\":\"string\",\"format\":\"date\"}")).isEqualTo("must be a date YYYY-MM-DD");
    assertThat(describe("{\"type\":\"string\",\"minLength\":1,\"maxLength\":100}"))
        .isEqualTo("must be a string of 1-100 characters");
    assertThat(describe("{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}$\"}")).isEqualTo("must be a string matching ^[A-Z]{3}$");
    assertThat(describe("{\"type\":\"string\",\"enum\":[\"once\",\"weekly\"]}")).isEqualTo("must be one of: once, weekly");
    assertThat(describe("{\"const\":\"payment\"}")).isEqualTo("must be \"payment\"");
    assertThat(describe("{\"oneOf\":[]}")).isEqualTo("does not match the API contract");
  }
}
