package dev.billpay.banknotifications;

import dev.billpay.config.GatewayConfig;
import dev.billpay.reconciliation.BankFileService;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Applies a verified bank notification once per (bank, notification id), through the bank-file import: a transfer
 * as a one-transaction statement, a return or notification of change as a one-entry NACHA return file. The id is
 * claimed before anything is applied, so the same id with another body is refused (409) without effect; the same
 * id and body again answers the first time's bank file and applies nothing.
 */
public final class BankNotificationService {
  private final BankNotificationRepository notifications;
  private final BankFileService bankFiles;
  private final NotificationReturnFile returnFiles;
  private final Clock clock;

  public BankNotificationService(Pool pool, BankFileService bankFiles, GatewayConfig.ClearingConfig clearing,
      Clock clock) {
    this.notifications = new BankNotificationRepository(pool);
    this.bankFiles = bankFiles;
    this.returnFiles = new NotificationReturnFile(clearing);
    this.clock = clock;
  }

  /** The answer and whether this call applied the notification (false: received before). */
  public record Answer(JsonObject notification, boolean created) {}

  /** {@code body} is the verified text of {@code raw}; it is read here and refused whole if invalid. */
  public Future<Answer> receive(String bank, String headerId, String body, Buffer raw) {
    return Future.succeededFuture(body).map(NotificationBody::parse).compose(notification -> {
      if (!notification.id().equals(headerId)) {
        return Future.failedFuture(NotificationBody.invalid(List.of(new FieldError("id",
            "must equal the webhook-id header: both are the notification id, which the bank signs"))));
      }
      return apply(bank, notification, raw);
    });
  }

  private Future<Answer> apply(String bank, BankNotification notification, Buffer raw) {
    String sha256 = sha256(raw.getBytes());
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return notifications.claim(bank, notification.id(), sha256, notification.type(), at).compose(stored -> {
      if (!stored.bodySha256().equals(sha256)) {
        return Future.failedFuture(new DomainException(ProblemType.BANK_NOTIFICATION_ID_REUSED, "Notification "
            + stored.id() + " of bank " + bank + " was received at " + stored.receivedAt() + " with another body;"
            + " this one was not applied. A retry must repeat the message exactly; a new message needs a new id."));
      }
      if (stored.bankFileId() != null) {
        return bankFiles.get(stored.bankFileId()).map(file -> new Answer(answer(stored, file), false));
      }
      // claimed now, or claimed by an attempt that stopped before it finished: the import answers the first
      // import of the same content, so applying here never applies twice
      return bankFiles.importReceived(received(notification, at), bank + ":" + notification.id(), raw)
          .compose(imported -> notifications.complete(bank, notification.id(), imported.file().getString("id"))
              .map(v -> new Answer(answer(stored, imported.file()), stored.claimedNow() && imported.created())));
    });
  }

  private BankFileService.Received received(BankNotification notification, Instant at) {
    LocalDateTime now = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    if (notification instanceof BankNotification.Transfer t) {
      return new BankFileService.Received.Transactions("bank_notification", List.of(t.statement()));
    }
    if (notification instanceof BankNotification.Return r) {
      return new BankFileService.Received.Returns(returnFiles.of(r, now));
    }
    return new BankFileService.Received.Returns(returnFiles.of((BankNotification.Change) notification, now));
  }

  private static JsonObject answer(BankNotificationRepository.Stored stored, JsonObject file) {
    return new JsonObject().put("object", "bank_notification").put("bank", stored.bank())
        .put("notification_id", stored.id()).put("type", stored.type())
        .put("received_at", stored.receivedAt().toString()).put("bank_file_id", file.getString("id"))
        .put("bank_file", file);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
