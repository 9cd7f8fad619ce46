package dev.billpay.clearing;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A NACHA file we wrote: its identity, its control totals and where it is in its life. */
public record ClearingFile(
    String id,
    Instant cutoffAt,
    LocalDate fileDate,
    String destination,
    char fileIdModifier,
    LocalDate effectiveDate,
    String sha256,
    int lineCount,
    int batchCount,
    int entryCount,
    long totalDebit,
    long totalCredit,
    ClearingFileStatus status,
    Instant transmittedAt,
    Instant settledAt,
    Instant createdAt) {

  static ClearingFile fromRow(Row r) {
    return new ClearingFile(r.getString("id"), r.getOffsetDateTime("cutoff_at").toInstant(),
        r.getLocalDate("file_date"), r.getString("destination"), r.getString("file_id_modifier").charAt(0),
        r.getLocalDate("effective_date"), r.getString("sha256"), r.getInteger("line_count"),
        r.getInteger("batch_count"), r.getInteger("entry_count"), r.getLong("total_debit"),
        r.getLong("total_credit"), ClearingFileStatus.fromWire(r.getString("status")), instant(r.getOffsetDateTime("transmitted_at")),
        instant(r.getOffsetDateTime("settled_at")), r.getOffsetDateTime("created_at").toInstant());
  }

  /** A nullable timestamp column as an instant. */
  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("object", "clearing_file")
        .put("status", status.wire())
        .put("format", "nacha")
        .put("cutoff_at", cutoffAt.toString())
        .put("file_date", fileDate.toString())
        .put("immediate_destination", destination)
        .put("file_id_modifier", String.valueOf(fileIdModifier))
        .put("effective_date", effectiveDate.toString())
        .put("sha256", sha256)
        .put("line_count", lineCount)
        .put("batch_count", batchCount)
        .put("entry_count", entryCount)
        .put("total_debit", totalDebit)
        .put("total_credit", totalCredit)
        .put("currency", "USD")
        .put("transmitted_at", transmittedAt == null ? null : transmittedAt.toString())
        .put("settled_at", settledAt == null ? null : settledAt.toString())
        .put("created_at", createdAt.toString());
  }
}
