package dev.billpay.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * API keys are random, high-entropy secrets, so a fast SHA-256 digest is the right storage form
 * (a slow password hash would add nothing but event-loop time); the key itself is never stored.
 */
public final class ApiKeys {
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
}
