package dev.billpay.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.shared.DomainException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Idempotency keys and request fingerprints")
class IdempotencyKeyTest {

  @Test
  @DisplayName("the fingerprint ignores key order and whitespace but not values, method or path")
  void fingerprint() {
    JsonObject a = new JsonObject("{\"amount\": 1, \"currency\": \"USD\", \"x\": {\"b\": 1, \"a\": [1, 2]}}");
    JsonObject b = new JsonObject("{\"x\":{\"a\":[1,2],\"b\":1},\"currency\":\"USD\",\"amount\":1}");
    assertThat(IdempotencyKey.fingerprint("POST", "/v1/payments", a))
        .isEqualTo(IdempotencyKey.fingerprint("POST", "/v1/payments", b));
    assertThat(IdempotencyKey.fingerprint("POST", "/v1/payments", a))
        .isNotEqualTo(IdempotencyKey.fingerprint("POST", "/v1/payments", b.copy().put("amount", 2)))
        .isNotEqualTo(IdempotencyKey.fingerprint("POST", "/v1/payees", a));
  }

  @Test
  @DisplayName("keys must be 1-255 printable characters")
  void keyRules() {
    assertThat(IdempotencyKey.require("abc-123")).isEqualTo("abc-123");
    assertThat(IdempotencyKey.require("k".repeat(255))).hasSize(255);
    for (String bad : new String[] {null, "", "k".repeat(256), "tab\there", "é"}) {
      assertThatThrownBy(() -> IdempotencyKey.require(bad)).as(String.valueOf(bad))
          .isInstanceOfSatisfying(DomainException.class, p -> assertThat(p.status()).isEqualTo(400));
    }
  }
}
