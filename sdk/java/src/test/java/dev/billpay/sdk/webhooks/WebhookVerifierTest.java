package dev.billpay.sdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.sdk.codegen.SdkGenerator;
import dev.billpay.sdk.model.ExpectedPayment;
import dev.billpay.sdk.model.FundingAccount;
import dev.billpay.sdk.model.Payment;
import dev.billpay.sdk.model.PaymentStatus;
import dev.billpay.sdk.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook verification and event parsing")
class WebhookVerifierTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Clock AT_VECTOR = Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC);

  @Test
  @DisplayName("the Standard Webhooks reference example verifies, and any change to it does not")
  void referenceVector() {
    WebhookVerifier verifier = new WebhookVerifier(WebhookVerifier.DEFAULT_TOLERANCE, AT_VECTOR, SECRET);
    String sig = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    verifier.verifySignature("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", sig, "{\"test\": 2432232314}");
    assertRefused(() -> verifier.verifySignature("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", sig,
        "{\"test\": 2432232315}"), Reason.NO_MATCHING_SIGNATURE);
    assertRefused(() -> verifier.verifySignature("msg_other", "1614265330", sig, "{\"test\": 2432232314}"),
        Reason.NO_MATCHING_SIGNATURE);
    // a second entry that matches is enough (rotation), and other versions are ignored
    verifier.verifySignature("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v2,abc v1,bm90IGl0 " + sig,
        "{\"test\": 2432232314}");
    assertRefused(() -> verifier.verifySignature("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
        sig.replace("v1,", "v2,"), "{\"test\": 2432232314}"), Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  @DisplayName("a timestamp more than the tolerance away, or not plain digits, is refused")
  void timestamps() {
    String body = event("evt_1_0001", "billpay.payment.created");
    long now = 1_800_000_000L;
    WebhookVerifier verifier = new WebhookVerifier(Duration.ofMinutes(5),
        Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC), SECRET);
    verifier.verify(headers("evt_1_0001", now - 300, body), body);
    assertRefused(() -> verifier.verify(headers("evt_1_0001", now - 301, body), body),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertRefused(() -> verifier.verify(headers("evt_1_0001", now + 301, body), body),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertRefused(() -> verifier.verify("evt_1_0001", "-1", sign("evt_1_0001", "-1", body), body),
        Reason.BAD_TIMESTAMP);
    assertRefused(() -> verifier.verify(Map.of("webhook-id", "evt_1_0001"), body), Reason.MISSING_HEADER);
  }

  @Test
  @DisplayName("header names in any case and List values are read; the old and the new secret both verify")
  void headersAndRotation() {
    String body = event("evt_2_0001", "billpay.payment.created");
    long now = Instant.now().getEpochSecond();
    Map<String, List<String>> headers = Map.of("Webhook-Id", List.of("evt_2_0001"),
        "WEBHOOK-TIMESTAMP", List.of(Long.toString(now)), "webhook-signature", List.of(sign("evt_2_0001",
            Long.toString(now), body)));
    assertThat(new WebhookVerifier("whsec_" + Base64.getEncoder().encodeToString("other-key".getBytes()), SECRET)
        .verify(headers, body).id()).isEqualTo("evt_2_0001");
    assertThat(new WebhookVerifier("whsec_" + Base64.getEncoder().encodeToString("other-key".getBytes()))
        .isValid(headers, body)).isFalse();
    assertThatThrownBy(() -> new WebhookVerifier("not-a-secret")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("every event example of docs/events.md parses, its data as the resource's model")
  void documentedEvents() throws Exception {
    String doc = Files.readString(SdkGenerator.repositoryRoot().resolve("docs/events.md"));
    Matcher block = Pattern.compile("```json\\n(\\{\\s*\"specversion\".*?)\\n```", Pattern.DOTALL).matcher(doc);
    List<WebhookEvent> events = new ArrayList<>();
    while (block.find()) {
      events.add(WebhookEvent.parse(block.group(1)));
    }
    assertThat(events).hasSizeGreaterThan(10);
    for (WebhookEvent e : events) {
      Object resource = e.resource();
      if (e.type().startsWith("billpay.payment.")) {
        Payment p = e.payment().orElseThrow();
        assertThat(p.id()).isEqualTo(e.subject());
        assertThat(p.status()).isNotEqualTo(PaymentStatus.UNKNOWN);
        assertThat(resource).isEqualTo(p);
      } else if (e.type().startsWith("billpay.funding_account.")) {
        assertThat(resource).isInstanceOf(FundingAccount.class);
        assertThat(((FundingAccount) resource).id()).isEqualTo(e.subject());
      } else if (e.type().startsWith("billpay.expected_payment.")) {
        assertThat(((ExpectedPayment) resource).id()).isEqualTo(e.subject());
      }
    }
  }

  private static String event(String id, String type) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"subject\":\"pay_1\","
        + "\"data\":{\"id\":\"pay_1\",\"status\":\"pending\",\"amount\":100}}";
  }

  private static Map<String, String> headers(String id, long ts, String body) {
    return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature",
        sign(id, Long.toString(ts), body));
  }

  /** Signs as the gateway's docs say, independently of the verifier. */
  private static String sign(String id, String ts, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
      return "v1," + Base64.getEncoder().encodeToString(
          mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(Runnable call, Reason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookVerificationException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
