package dev.billpay.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signing secrets in the Standard Webhooks format: {@code whsec_} followed by the standard
 * base64 (with padding) of the raw HMAC key. Receivers' Standard Webhooks libraries accept this
 * string as-is, which is why the prefix and encoding are fixed rather than a choice of ours.
 */
public final class WebhookSecret {
  /** The prefix every secret starts with. */
  public static final String PREFIX = "whsec_";

  // 32 bytes = the SHA-256 block's worth of key material the spec recommends (24-64 bytes allowed)
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecret() {}

  /** A new random secret: {@code whsec_} + base64 of 32 bytes from {@link SecureRandom}. */
  public static String generate() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * The raw HMAC key inside {@code secret}.
   *
   * @throws IllegalArgumentException when the secret lacks the prefix, is not valid base64 or holds
   *     no key bytes; the message never repeats the secret, since exceptions end up in logs
   */
  public static byte[] keyBytes(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("webhook secret must start with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret is not " + PREFIX + " followed by standard base64");
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("webhook secret holds no key bytes");
    }
    return key;
  }
}
