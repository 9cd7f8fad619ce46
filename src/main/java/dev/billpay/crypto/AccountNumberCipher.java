package dev.billpay.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for account numbers at rest. Each value gets a fresh 96-bit nonce, stored in front of
 * the ciphertext; the key id is stored beside it so keys can be rotated (old ids stay decryptable).
 * The owning row's id is bound as associated data, so a ciphertext copied to another row fails.
 */
public final class AccountNumberCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentKeyId;
  private final Map<String, SecretKeySpec> keys;

  public record Sealed(byte[] ciphertext, String keyId) {}

  public AccountNumberCipher(String currentKeyId, Map<String, byte[]> keysById) {
    if (!keysById.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("no key for the current key id " + currentKeyId);
    }
    this.currentKeyId = currentKeyId;
    this.keys = keysById.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
        Map.Entry::getKey, e -> new SecretKeySpec(checkLength(e.getValue()), "AES")));
  }

  /** From a base64 key (32 bytes decoded), as read from the environment. */
  public static AccountNumberCipher fromBase64(String keyId, String base64Key) {
    return new AccountNumberCipher(keyId, Map.of(keyId, Base64.getDecoder().decode(base64Key)));
  }

  public Sealed seal(String plaintext, String ownerId) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
      byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return new Sealed(ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array(),
          currentKeyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  public String open(Sealed sealed, String ownerId) {
    SecretKeySpec key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("unknown encryption key id " + sealed.keyId());
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.ciphertext(), 0, NONCE_BYTES));
      cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed.ciphertext(), NONCE_BYTES, sealed.ciphertext().length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("account number cannot be decrypted (wrong key or tampered row)", e);
    }
  }

  private static byte[] checkLength(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("account encryption keys must be 32 bytes (AES-256)");
    }
    return key;
  }

  /** Display form: bullets and the last four characters, e.g. "••••6789". */
  public static String mask(String last4) {
    return "\u2022\u2022\u2022\u2022" + last4;
  }
}
