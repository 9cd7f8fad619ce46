package dev.billpay.sdk.webhooks;

import dev.billpay.sdk.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the gateway's webhook deliveries (Standard Webhooks 1.0, as docs/webhooks.md describes them) and
 * parses the event. The signature is HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body}, keyed with the
 * base64 decoding of the secret after {@code whsec_}; a delivery is genuine when any {@code v1,} entry of
 * {@code webhook-signature} matches (two while the gateway rotates the secret), compared in constant time,
 * and its timestamp is within the tolerance (5 minutes by default) of this machine's clock.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier("whsec_...");
 * WebhookEvent event = verifier.verify(headers, rawBody);   // throws WebhookVerificationException
 * event.payment().ifPresent(p -> ...);
 * }</pre>
 */
public final class WebhookVerifier {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private static final String PREFIX = "whsec_";
  private static final String HMAC = "HmacSHA256";
  private final List<byte[]> keys = new ArrayList<>();
  private final Duration tolerance;
  private final Clock clock;

  /** @param secrets your endpoint's secret; while you switch to a rotated one, both */
  public WebhookVerifier(String... secrets) {
    this(DEFAULT_TOLERANCE, Clock.systemUTC(), secrets);
  }

  public WebhookVerifier(Duration tolerance, Clock clock, String... secrets) {
    if (secrets.length == 0) {
      throw new IllegalArgumentException("at least one whsec_ secret is needed");
    }
    for (String secret : secrets) {
      // a wrong secret is the receiver's configuration mistake: said at once, not hidden behind refusals
      if (secret == null || !secret.startsWith(PREFIX)) {
        throw new IllegalArgumentException("a webhook secret starts with whsec_");
      }
      keys.add(Base64.getDecoder().decode(secret.substring(PREFIX.length())));
    }
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * Verifies a delivery and parses its event.
   *
   * @param headers the request's headers (names in any case; values a String or a List of them)
   * @param body the raw body exactly as received, before any JSON parsing (parsing changes the bytes)
   */
  public WebhookEvent verify(Map<String, ?> headers, String body) {
    return verify(header(headers, "webhook-id"), header(headers, "webhook-timestamp"),
        header(headers, "webhook-signature"), body);
  }

  /** Verifies a delivery given its three Standard Webhooks headers, and parses its event. */
  public WebhookEvent verify(String webhookId, String webhookTimestamp, String webhookSignature, String body) {
    verifySignature(webhookId, webhookTimestamp, webhookSignature, body);
    WebhookEvent event = WebhookEvent.parse(body);
    if (!webhookId.equals(event.id())) {
      throw new WebhookVerificationException(Reason.NOT_AN_EVENT, "webhook-id differs from the event id");
    }
    return event;
  }

  /** Checks the signature and the timestamp only, for any Standard Webhooks message; throws when they fail. */
  public void verifySignature(String webhookId, String webhookTimestamp, String webhookSignature, String body) {
    if (webhookId == null || webhookTimestamp == null || webhookSignature == null || body == null) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER,
          "webhook-id, webhook-timestamp, webhook-signature and a body are required");
    }
    // digits only, at most 18: no sign tricks, and the difference below cannot overflow
    if (!webhookTimestamp.matches("[0-9]{1,18}")) {
      throw new WebhookVerificationException(Reason.BAD_TIMESTAMP, "webhook-timestamp is not Unix seconds");
    }
    long age = clock.instant().getEpochSecond() - Long.parseLong(webhookTimestamp);
    if (Math.abs(age) > tolerance.toSeconds()) {
      throw new WebhookVerificationException(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
          "webhook-timestamp is " + age + " s from now (a replay, or a clock out of sync)");
    }
    // the timestamp exactly as sent: that string is what the gateway signed
    byte[] signed = (webhookId + "." + webhookTimestamp + "." + body).getBytes(StandardCharsets.UTF_8);
    for (byte[] key : keys) {
      byte[] expected = Base64.getEncoder().encode(hmac(key, signed));
      for (String entry : webhookSignature.split(" ")) {
        if (entry.startsWith("v1,")
            && MessageDigest.isEqual(expected, entry.substring(3).getBytes(StandardCharsets.UTF_8))) {
          return;
        }
      }
    }
    throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "no v1 signature matches the secret");
  }

  /** Whether a delivery is genuine, for a receiver that wants a yes or no. */
  public boolean isValid(Map<String, ?> headers, String body) {
    try {
      verify(headers, body);
      return true;
    } catch (WebhookVerificationException e) {
      return false;
    }
  }

  private static String header(Map<String, ?> headers, String name) {
    for (Map.Entry<String, ?> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        Object v = e.getValue();
        if (v instanceof List<?> list) {
          return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return v == null ? null : String.valueOf(v);
      }
    }
    return null;
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is not available", e);
    }
  }
}
