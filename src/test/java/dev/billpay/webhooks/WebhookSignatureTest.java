package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Webhook signatures (Standard Webhooks 1.0)")
class WebhookSignatureTest {
  // the example published with the Standard Webhooks reference libraries: matching it is what
  // proves a receiver's off-the-shelf library will accept our signatures
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TIMESTAMP = 1614265330;
  private static final String SPEC_BODY = "{\"test\": 2432232314}";
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final String SECRET = WebhookSecret.generate();
  private static final String ID = "evt_01JDQ8Z6W1T3M4N5P6Q7R8S9TA_0001";
  private static final long NOW = 1_732_500_000L;
  private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"evt_01JDQ8Z6W1T3M4N5P6Q7R8S9TA_0001\","
      + "\"data\":{\"memo\":\"caf\u00e9 \u2713\"}}";

  private static boolean verify(String secret, String id, String timestamp, String body, String header, long now) {
    return WebhookSignature.verify(secret, id, timestamp, body, header, now, 300);
  }

  @Test
  @DisplayName("signing reproduces the Standard Webhooks reference example exactly")
  void knownAnswer() {
    assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
  }

  @Test
  @DisplayName("verification accepts the Standard Webhooks reference example")
  void knownAnswerVerifies() {
    assertThat(verify(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_BODY, SPEC_SIGNATURE, SPEC_TIMESTAMP)).isTrue();
  }

  @Test
  @DisplayName("the signature is base64 HMAC-SHA256 over id.timestamp.body in UTF-8, computed independently")
  void independentHmac() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
    byte[] expected = mac.doFinal((ID + "." + NOW + "." + BODY).getBytes(StandardCharsets.UTF_8));

    assertThat(WebhookSignature.sign(SECRET, ID, NOW, BODY))
        .isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
  }

  @Test
  @DisplayName("a correct signature verifies")
  void accepts() {
    String header = WebhookSignature.sign(SECRET, ID, NOW, BODY);

    assertThat(verify(SECRET, ID, Long.toString(NOW), BODY, header, NOW)).isTrue();
  }

  @Test
  @DisplayName("a tampered body, id or timestamp, or another secret, does not verify")
  void tampered() {
    String header = WebhookSignature.sign(SECRET, ID, NOW, BODY);
    String ts = Long.toString(NOW);

    assertThat(verify(SECRET, ID, ts, BODY.replace("caf\u00e9", "cafe"), header, NOW)).as("body").isFalse();
    assertThat(verify(SECRET, ID, ts, BODY + " ", header, NOW)).as("body with trailing space").isFalse();
    assertThat(verify(SECRET, ID.replace("0001", "0002"), ts, BODY, header, NOW)).as("id").isFalse();
    assertThat(verify(SECRET, ID, Long.toString(NOW + 1), BODY, header, NOW)).as("timestamp").isFalse();
    assertThat(verify(WebhookSecret.generate(), ID, ts, BODY, header, NOW)).as("another secret").isFalse();
  }

  @Test
  @DisplayName("a timestamp more than the tolerance away from now does not verify, in either direction")
  void tolerance() {
    String header = WebhookSignature.sign(SECRET, ID, NOW, BODY);
    String ts = Long.toString(NOW);

    assertThat(verify(SECRET, ID, ts, BODY, header, NOW + 300)).as("exactly 300 s old").isTrue();
    assertThat(verify(SECRET, ID, ts, BODY, header, NOW - 300)).as("300 s ahead").isTrue();
    assertThat(verify(SECRET, ID, ts, BODY, header, NOW + 301)).as("301 s old").isFalse();
    assertThat(verify(SECRET, ID, ts, BODY, header, NOW - 301)).as("301 s ahead").isFalse();
  }

  @Test
  @DisplayName("during a rotation the header carries both signatures and either secret verifies it")
  void rotation() {
    String oldSecret = WebhookSecret.generate();
    String newSecret = WebhookSecret.generate();
    String header = WebhookSignature.header(List.of(newSecret, oldSecret), ID, NOW, BODY);
    String ts = Long.toString(NOW);

    assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(newSecret, ID, NOW, BODY),
        WebhookSignature.sign(oldSecret, ID, NOW, BODY));
    assertThat(verify(oldSecret, ID, ts, BODY, header, NOW)).as("old secret").isTrue();
    assertThat(verify(newSecret, ID, ts, BODY, header, NOW)).as("new secret").isTrue();
    assertThat(verify(WebhookSecret.generate(), ID, ts, BODY, header, NOW)).as("a third secret").isFalse();
  }

  @Test
  @DisplayName("the header of a single secret is exactly its signature")
  void singleSecretHeader() {
    assertThat(WebhookSignature.header(List.of(SECRET), ID, NOW, BODY))
        .isEqualTo(WebhookSignature.sign(SECRET, ID, NOW, BODY));
  }

  @Test
  @DisplayName("a header without any secret cannot be built")
  void noSecrets() {
    assertThatThrownBy(() -> WebhookSignature.header(List.of(), ID, NOW, BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("entries of other versions are ignored, even when they carry the right bytes")
  void otherVersions() {
    String signature = WebhookSignature.sign(SECRET, ID, NOW, BODY).substring(3);
    String ts = Long.toString(NOW);

    assertThat(verify(SECRET, ID, ts, BODY, "v2," + signature, NOW)).isFalse();
    assertThat(verify(SECRET, ID, ts, BODY, "v1a," + signature, NOW)).isFalse();
    assertThat(verify(SECRET, ID, ts, BODY, signature, NOW)).as("no version").isFalse();
    assertThat(verify(SECRET, ID, ts, BODY, "v1a,bm9wZQ== v1,bm9wZQ==  v1," + signature, NOW))
        .as("the matching v1 entry after others and a double space").isTrue();
  }

  @ParameterizedTest(name = "timestamp \"{0}\" is refused")
  @ValueSource(strings = {"", "abc", "-1732500000", "+1732500000", "1732500000.0", " 1732500000",
      "99999999999999999999"})
  @DisplayName("a timestamp that is not plain digits does not verify")
  void malformedTimestamp(String timestamp) {
    String header = WebhookSignature.sign(SECRET, ID, NOW, BODY);

    assertThat(verify(SECRET, ID, timestamp, BODY, header, NOW)).isFalse();
  }

  @Test
  @DisplayName("missing headers or body do not verify")
  void missing() {
    String header = WebhookSignature.sign(SECRET, ID, NOW, BODY);
    String ts = Long.toString(NOW);

    assertThat(verify(SECRET, null, ts, BODY, header, NOW)).isFalse();
    assertThat(verify(SECRET, ID, null, BODY, header, NOW)).isFalse();
    assertThat(verify(SECRET, ID, ts, null, header, NOW)).isFalse();
    assertThat(verify(SECRET, ID, ts, BODY, null, NOW)).isFalse();
    assertThat(verify(SECRET, ID, ts, BODY, "", NOW)).isFalse();
  }

  @Test
  @DisplayName("a malformed secret is a configuration error, not a failed verification")
  void malformedSecret() {
    String header = WebhookSignature.sign(SECRET, ID, NOW, BODY);

    assertThatThrownBy(() -> verify(SECRET.substring(6), ID, Long.toString(NOW), BODY, header, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSignature.sign("whsec_***", ID, NOW, BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
