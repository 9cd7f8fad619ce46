package dev.billpay.banknotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.banknotifications.NotificationSignatures.Signed;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import dev.billpay.webhooks.WebhookSecret;
import dev.billpay.webhooks.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bank notification's signature")
class NotificationSignaturesTest {
  private static final long NOW = 1_796_000_000L;
  private static final String OLD = WebhookSecret.generate();
  private static final String NEW = WebhookSecret.generate();
  private static final String BODY = "{\"id\":\"ntf_1\",\"type\":\"incoming_credit\"}";
  private final NotificationSignatures signatures = new NotificationSignatures(
      Map.of("bank-a", List.of(OLD, NEW)), 300, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  private static Signed signed(String secret, long at, String body) {
    return new Signed("ntf_1", Long.toString(at), WebhookSignature.sign(secret, "ntf_1", at, body));
  }

  private void refused(String bank, Signed signed, String body) {
    assertThatThrownBy(() -> signatures.verify(bank, signed, body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.BANK_NOTIFICATION_SIGNATURE_INVALID));
  }

  @Test
  @DisplayName("is accepted under any of the bank's secrets, within five minutes either side of our clock")
  void accepted() {
    for (String secret : List.of(OLD, NEW)) {
      for (long at : List.of(NOW, NOW - 300, NOW + 300)) {
        assertThat(signatures.verify("bank-a", signed(secret, at, BODY), BODY.getBytes(StandardCharsets.UTF_8)))
            .isEqualTo(BODY);
      }
    }
  }

  @Test
  @DisplayName("is refused when stale, from the future, under another secret, over another body, or for another bank")
  void refusals() {
    refused("bank-a", signed(OLD, NOW - 301, BODY), BODY);
    refused("bank-a", signed(OLD, NOW + 301, BODY), BODY);
    refused("bank-a", signed(WebhookSecret.generate(), NOW, BODY), BODY);
    refused("bank-a", signed(OLD, NOW, BODY), BODY.replace("ntf_1", "ntf_2"));
    refused("bank-b", signed(OLD, NOW, BODY), BODY);
    refused("bank-a", new Signed("ntf_2", Long.toString(NOW), signed(OLD, NOW, BODY).signature()), BODY);
  }

  @Test
  @DisplayName("is refused when a header is missing or the timestamp is not plain seconds")
  void missingHeaders() {
    Signed good = signed(OLD, NOW, BODY);
    refused("bank-a", new Signed(null, good.timestamp(), good.signature()), BODY);
    refused("bank-a", new Signed(good.id(), null, good.signature()), BODY);
    refused("bank-a", new Signed(good.id(), good.timestamp(), null), BODY);
    refused("bank-a", new Signed(good.id(), "-" + NOW, good.signature()), BODY);
  }

  @Test
  @DisplayName("is refused over bytes that are not UTF-8, whatever the signature")
  void notUtf8() {
    byte[] bytes = {'{', (byte) 0xC3, '}'};
    Signed signed = signed(OLD, NOW, new String(bytes, StandardCharsets.UTF_8));
    assertThatThrownBy(() -> signatures.verify("bank-a", signed, bytes)).isInstanceOf(DomainException.class);
  }
}
