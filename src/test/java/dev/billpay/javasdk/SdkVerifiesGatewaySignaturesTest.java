package dev.billpay.javasdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.sdk.webhooks.WebhookVerifier;
import dev.billpay.webhooks.WebhookSecret;
import dev.billpay.webhooks.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SDK's verifier against the gateway's own signer, on the gateway's own secrets. */
@DisplayName("The Java SDK's webhook verifier")
class SdkVerifiesGatewaySignaturesTest {

  @Test
  @DisplayName("accepts what the gateway signs, under the new or the old secret of a rotation, and nothing altered")
  void gatewaySignatures() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      String current = WebhookSecret.generate();
      String previous = WebhookSecret.generate();
      String id = "evt_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "_0001";
      long ts = 1_700_000_000L + random.nextInt(100_000_000);
      String body = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"billpay.payment.created\",\"data\":{"
          + "\"note\":\"" + randomText(random) + "\"}}";
      String header = WebhookSignature.header(List.of(current, previous), id, ts, body);
      Clock clock = Clock.fixed(Instant.ofEpochSecond(ts + random.nextInt(300)), ZoneOffset.UTC);

      for (String secret : List.of(current, previous)) {
        WebhookVerifier verifier = new WebhookVerifier(Duration.ofMinutes(5), clock, secret);
        assertThat(verifier.verify(id, Long.toString(ts), header, body).id()).as("seed %d", seed).isEqualTo(id);
        assertThat(verifier.isValid(java.util.Map.of("webhook-id", id, "webhook-timestamp", Long.toString(ts),
            "webhook-signature", header), body.replace("created", "settled"))).as("seed %d", seed).isFalse();
      }
      assertThat(new WebhookVerifier(Duration.ofMinutes(5), clock, WebhookSecret.generate())
          .isValid(java.util.Map.of("webhook-id", id, "webhook-timestamp", Long.toString(ts),
              "webhook-signature", header), body)).as("seed %d", seed).isFalse();
    }
  }

  private static String randomText(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      // printable ASCII and some non-ASCII letters: the signature is over the UTF-8 bytes
      s.append(random.nextInt(5) == 0 ? (char) ('\u00e0' + random.nextInt(20)) : (char) (' ' + 3 + random.nextInt(90)));
    }
    return s.toString().replace("\\", "").replace("\"", "");
  }
}
