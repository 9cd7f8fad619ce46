package dev.billpay.banknotifications;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.ProblemType;
import dev.billpay.webhooks.WebhookSignature;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Checks that a bank notification is what the bank signed, before anything reads its body: a Standard Webhooks
 * signature ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) over the raw body under one
 * of the bank's secrets, at a timestamp within the tolerance of our clock, so a message recorded and sent again
 * later is refused like a forged one. Every refusal is 401 {@code bank-notification-signature-invalid}; its
 * detail says which check failed, never anything of the secret or the expected signature.
 */
public final class NotificationSignatures {
  private final Map<String, List<String>> secretsByBank;
  private final long toleranceSeconds;
  private final Clock clock;

  public NotificationSignatures(Map<String, List<String>> secretsByBank, long toleranceSeconds, Clock clock) {
    this.secretsByBank = Map.copyOf(secretsByBank);
    this.toleranceSeconds = toleranceSeconds;
    this.clock = clock;
  }

  /** The three headers as received; any may be null. */
  public record Signed(String id, String timestamp, String signature) {}

  /** The body as the text the bank signed, or a 401 saying why the message is not the bank's. */
  public String verify(String bank, Signed signed, byte[] body) {
    List<String> secrets = secretsByBank.get(bank);
    if (secrets == null || secrets.isEmpty()) {
      throw refused("No signing secret is configured for bank '" + bank + "'.");
    }
    if (signed.id() == null || signed.timestamp() == null || signed.signature() == null) {
      throw refused("Send the webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks).");
    }
    if (!signed.timestamp().matches("[0-9]{1,18}")
        || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(signed.timestamp())) > toleranceSeconds) {
      throw refused("The webhook-timestamp is not within " + toleranceSeconds + " seconds of our clock: a delayed"
          + " or replayed message is refused. Sign each delivery with the current time.");
    }
    String text = utf8(body);
    long now = clock.instant().getEpochSecond();
    for (String secret : secrets) {
      if (text != null && WebhookSignature.verify(secret, signed.id(), signed.timestamp(), text, signed.signature(),
          now, toleranceSeconds)) {
        return text;
      }
    }
    throw refused("No signature in webhook-signature matches the body under the secrets of bank '" + bank + "'.");
  }

  /** The body as UTF-8 text, or null: bytes that are not UTF-8 cannot be the JSON the bank signed. */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static DomainException refused(String detail) {
    return new DomainException(ProblemType.BANK_NOTIFICATION_SIGNATURE_INVALID, detail + " Nothing was stored or"
        + " applied.");
  }
}
