package dev.billpay.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 symmetric signatures (https://www.standardwebhooks.com): the signed content
 * is {@code id + "." + timestamp + "." + body} and a signature is {@code v1,} + base64 of its
 * HMAC-SHA256 under the secret's key. Following the standard rather than inventing a scheme lets
 * receivers verify with an off-the-shelf library as well as with {@link #verify}.
 */
public final class WebhookSignature {
  private static final String HMAC = "HmacSHA256";

  private WebhookSignature() {}

  /** The signature of one delivery under one secret, {@code v1,<base64>}. */
  public static String sign(String secret, String id, long timestampSeconds, String body) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    byte[] key = WebhookSecret.keyBytes(secret);
    String content = id + "." + timestampSeconds + "." + body;
    return "v1," + Base64.getEncoder().encodeToString(hmacSha256(key, content));
  }

  /**
   * The {@code webhook-signature} header value: one signature per active secret, separated by a
   * space. During a secret rotation both the new and the old secret are active, so a receiver that
   * still has the old one keeps verifying until it switches.
   */
  public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed to sign a delivery");
    }
    return secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
  }

  private static byte[] hmacSha256(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // every Java SE runtime must provide HmacSHA256, so this is a broken JDK, not bad input
      throw new IllegalStateException(HMAC + " is not available", e);
    }
  }

  // receiver-snippet:start
  /**
   * Checks a Standard Webhooks signature the way a receiver should. Pass the headers webhook-id,
   * webhook-timestamp and webhook-signature and the raw request body exactly as received (before
   * any JSON parsing, which would change the bytes). True only when the timestamp is within
   * toleranceSeconds of nowSeconds (an older request is a replay) and at least one "v1,"
   * signature in the header matches; entries of other versions are ignored. Missing headers give
   * false. The comparison is constant-time, so response timing reveals nothing about the
   * expected signature. Needs only the JDK (Java 8 or later), so it can be copied as-is.
   *
   * @throws IllegalArgumentException if secret is not a whsec_ secret: that is a configuration
   *     mistake on the receiver's side, not a bad request, so it is not hidden behind false
   */
  public static boolean verify(String secret, String id, String timestampHeader, String body,
      String signatureHeader, long nowSeconds, long toleranceSeconds) {
    if (secret == null || !secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("the webhook secret must start with whsec_");
    }
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    if (id == null || body == null || signatureHeader == null || timestampHeader == null) {
      return false;
    }
    // digits only, at most 18 of them: no sign tricks, and the difference below cannot overflow
    if (!timestampHeader.matches("[0-9]{1,18}")) {
      return false;
    }
    long age = nowSeconds - Long.parseLong(timestampHeader);
    if (age > toleranceSeconds || age < -toleranceSeconds) {
      return false;
    }
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      // the timestamp exactly as sent: that string is what the sender signed
      String signed = id + "." + timestampHeader + "." + body;
      expected = Base64.getEncoder().encode(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
    // one entry per active secret, two while the sender rotates: "v1,<base64> v1,<base64>"
    for (String entry : signatureHeader.split(" ")) {
      byte[] candidate = entry.substring(entry.indexOf(',') + 1).getBytes(StandardCharsets.UTF_8);
      if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, candidate)) {
        return true;
      }
    }
    return false;
  }
  // receiver-snippet:end
}
