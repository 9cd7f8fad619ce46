package dev.billpay.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * API keys are random, high-entropy secrets, so a fast SHA-256 digest is the right storage form
 * (a slow password hash would add nothing but event-loop time); the key itself is never stored.
 */
public final class ApiKeys {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private ApiKeys() {}

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static boolean looksLikeKey(String key) {
    return key != null && key.length() <= 128 && key.matches("bp_(test|live)_[A-Za-z0-9_]{8,100}");
  }

  /** A new key: {@code bp_test_} or {@code bp_live_} and 32 random base62 characters (~190 bits). */
  public static String generate(String mode) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder key = new StringBuilder("bp_").append(mode).append('_');
    for (int i = 0; i < 32; i++) {
      key.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return key.toString();
  }

  /** The part that may be shown and logged: mode plus the first four random characters. */
  public static String prefixOf(String key) {
    return key.substring(0, Math.min(key.length(), 12));
  }

  public static String modeOf(String key) {
    return key.startsWith("bp_live_") ? "live" : "test";
  }
}
