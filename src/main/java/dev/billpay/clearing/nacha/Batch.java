package dev.billpay.clearing.nacha;

import java.util.List;
import java.util.Objects;

/**
 * A batch: its header and entries. The batch control record is not stored but computed
 * ({@link #control()}); the reader accepts a file only when the control it read equals it.
 */
public record Batch(BatchHeader header, List<EntryDetail> entries) {
  public Batch {
    Objects.requireNonNull(header, "header");
    entries = List.copyOf(entries);
  }

  public BatchControl control() {
    return BatchControl.of(header, entries);
  }

  /** Header, entries, addenda and control. */
  public int lineCount() {
    int lines = 2;
    for (EntryDetail entry : entries) {
      lines += entry.recordCount();
    }
    return lines;
  }
}
