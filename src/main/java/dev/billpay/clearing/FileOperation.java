package dev.billpay.clearing;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;

/**
 * An operator's retransmission or cancellation of a clearing file, kept for audit: who asked, why,
 * under which request id, and how it ended ({@code pending} while a retransmission's hand-over runs,
 * then {@code transmitted} or {@code failed}; a cancellation is {@code cancelled} at once).
 */
public record FileOperation(
    String id,
    String fileId,
    String kind,
    String requestedBy,
    String reason,
    String requestId,
    String outcome,
    String detail,
    Instant createdAt,
    Instant completedAt) {

  static FileOperation fromRow(Row r) {
    return new FileOperation(r.getString("id"), r.getString("file_id"), r.getString("kind"),
        r.getString("requested_by"), r.getString("reason"), r.getString("request_id"), r.getString("outcome"),
        r.getString("detail"), r.getOffsetDateTime("created_at").toInstant(),
        ClearingFile.instant(r.getOffsetDateTime("completed_at")));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("object", "clearing_file_operation")
        .put("clearing_file_id", fileId)
        .put("kind", kind)
        .put("requested_by", requestedBy)
        .put("reason", reason)
        .put("request_id", requestId)
        .put("outcome", outcome)
        .put("detail", detail)
        .put("created_at", createdAt.toString())
        .put("completed_at", completedAt == null ? null : completedAt.toString());
  }
}
