package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Webhook secrets")
class WebhookSecretTest {

  @Test
  @DisplayName("a generated secret is whsec_ and the padded standard base64 of 32 bytes")
  void generatedFormat() {
    String secret = WebhookSecret.generate();

    assertThat(secret).startsWith("whsec_").hasSize(6 + 44).endsWith("=");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(WebhookSecret.keyBytes(secret)).hasSize(32);
  }

  @Test
  @DisplayName("generated secrets do not repeat")
  void random() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(WebhookSecret.generate());
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  @DisplayName("the key is the base64 after the prefix, whatever its length")
  void keyBytes() {
    assertThat(WebhookSecret.keyBytes("whsec_AQID")).containsExactly(1, 2, 3);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @NullSource
  @ValueSource(strings = {"", "AQID", "whsec_", "whsec_not base64!", "WHSEC_AQID", "whsec_AQID=="})
  @DisplayName("a malformed secret is refused without echoing it")
  void malformed(String secret) {
    assertThatThrownBy(() -> WebhookSecret.keyBytes(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> {
          if (secret != null && secret.length() > 6) {
            assertThat(e.getMessage()).doesNotContain(secret.substring(6));
          }
        });
  }
}
