package dev.billpay.clearing.nacha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link NachaFile} as NACHA 94-character records: file header, each batch's header,
 * entries with their addenda and control, the file control, and records of nines up to a multiple
 * of ten lines (blocking factor 10).
 *
 * <p>Every record ends with a single LF. NACHA fixes the record length, not the separator; the
 * banks we target and the independent parser our tests use read LF, files are produced and moved
 * on Linux, and a CR inside a file is then always a sign of damage. A bank that insists on CRLF
 * would be served by the transmitter, not here. (The reader accepts both.)
 *
 * <p>The whole file is checked before the first character is written, so a refused file leaves
 * nothing half-written behind.
 */
public final class NachaWriter {
  public static final String LINE_END = "\n";

  private NachaWriter() {}

  /** Writes {@code file} to {@code out}, or throws {@link NachaFormatException} having written nothing. */
  public static void write(NachaFile file, Appendable out) throws IOException {
    validate(file);
    emit(file, out);
  }

  /** The file as a string; for files that comfortably fit in memory (ours have 10,000 lines at most). */
  public static String write(NachaFile file) {
    validate(file);
    StringBuilder out = new StringBuilder(file.control().lineCount() * (LineBuilder.RECORD_LENGTH + 1));
    try {
      emit(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * Throws {@link NachaFormatException} for the first thing that would make {@code file} wrong:
   * a value that does not fit its field, a broken batch rule, batch numbers out of order.
   */
  public static void validate(NachaFile file) {
    int previousBatchNumber = 0;
    for (Batch batch : file.batches()) {
      BatchHeader header = batch.header();
      if (header.batchNumber() <= previousBatchNumber) {
        throw new NachaFormatException("batch.batchNumber", "must ascend within the file");
      }
      previousBatchNumber = header.batchNumber();
      if (!header.secCode().isWritten()) {
        throw new NachaFormatException("batch.secCode", "must be WEB, PPD, CCD or COR");
      }
      if (header.effectiveEntryDate() == null) {
        throw new NachaFormatException("batch.effectiveEntryDate", "is required");
      }
      EntryDetail previous = null;
      for (EntryDetail entry : batch.entries()) {
        List<EntryRules.Violation> violations = EntryRules.check(header, entry);
        if (violations.isEmpty()) {
          violations = EntryRules.checkOrder(previous, entry);
        }
        if (!violations.isEmpty()) {
          EntryRules.Violation first = violations.get(0);
          throw new NachaFormatException("entry." + first.field(), first.message());
        }
        previous = entry;
      }
    }
    try {
      emit(file, NOWHERE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void emit(NachaFile file, Appendable out) throws IOException {
    line(out, RecordFormat.fileHeader(file.header()));
    for (Batch batch : file.batches()) {
      line(out, RecordFormat.batchHeader(batch.header()));
      for (EntryDetail entry : batch.entries()) {
        line(out, RecordFormat.entry(entry));
        for (String addenda : RecordFormat.addenda(entry)) {
          line(out, addenda);
        }
      }
      line(out, RecordFormat.batchControl(batch.control()));
    }
    FileControl control = file.control();
    line(out, RecordFormat.fileControl(control));
    for (int i = file.recordCount(); i < control.lineCount(); i++) {
      line(out, RecordFormat.PADDING);
    }
  }

  private static void line(Appendable out, String record) throws IOException {
    out.append(record).append(LINE_END);
  }

  /** Formats and discards, so {@link #validate} runs every field check the writer runs. */
  private static final Appendable NOWHERE = new Appendable() {
    @Override
    public Appendable append(CharSequence csq) {
      return this;
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
      return this;
    }

    @Override
    public Appendable append(char c) {
      return this;
    }
  };
}
