package dev.billpay.clearing.nacha;

import java.util.List;
import java.util.Objects;

/**
 * A NACHA file: header and batches. Controls and padding are derived ({@link #control()}), so a
 * file read back from what the writer wrote equals the file that was written.
 */
public record NachaFile(FileHeader header, List<Batch> batches) {
  public NachaFile {
    Objects.requireNonNull(header, "header");
    batches = List.copyOf(batches);
  }

  public FileControl control() {
    return FileControl.of(batches);
  }

  /** Header, batches and control, without the padding. */
  public int recordCount() {
    int lines = 2;
    for (Batch batch : batches) {
      lines += batch.lineCount();
    }
    return lines;
  }

  /** Every entry of every batch, in file order. */
  public List<EntryDetail> entries() {
    return batches.stream().flatMap(batch -> batch.entries().stream()).toList();
  }
}
