package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook signature properties (QuickTheories)")
class WebhookSignaturePropertiesTest {
  private static final String SECRET = WebhookSecret.generate();
  private static final long TOLERANCE = 300;

  @Test
  @DisplayName("whatever the id, body and timestamp, a signature verifies within the tolerance")
  void roundTrip() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 60),
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 500),
            longs().between(0, 10_000_000_000L),
            longs().between(-TOLERANCE, TOLERANCE))
        .checkAssert((id, body, timestamp, skew) -> assertThat(WebhookSignature.verify(SECRET, id,
            Long.toString(timestamp), body, WebhookSignature.sign(SECRET, id, timestamp, body), timestamp + skew,
            TOLERANCE)).isTrue());
  }

  @Test
  @DisplayName("whatever the body, appending one character makes the signature fail")
  void tamperedBody() {
    qt().forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 500),
            longs().between(0, 10_000_000_000L))
        .checkAssert((body, timestamp) -> assertThat(WebhookSignature.verify(SECRET, "evt_1",
            Long.toString(timestamp), body + "x", WebhookSignature.sign(SECRET, "evt_1", timestamp, body), timestamp,
            TOLERANCE)).isFalse());
  }

  @Test
  @DisplayName("whatever the timestamp, verifying later than the tolerance fails")
  void stale() {
    qt().forAll(longs().between(0, 10_000_000_000L), longs().between(TOLERANCE + 1, 1_000_000_000L))
        .checkAssert((timestamp, age) -> assertThat(WebhookSignature.verify(SECRET, "evt_1",
            Long.toString(timestamp), "{}", WebhookSignature.sign(SECRET, "evt_1", timestamp, "{}"), timestamp + age,
            TOLERANCE)).isFalse());
  }
}
