package dev.billpay.clearing.nacha;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a NACHA file (outgoing, return or NOC) from a stream, one line at a time:
 * record length and characters, record order, every field, batch header/control pairing, the
 * entry/addenda counts, entry hashes and debit/credit totals of every batch control and of the
 * file control, the block count and the padding. Only the parsed records are kept, never the text.
 *
 * <p>A file is accepted whole or rejected whole: any problem rejects it, and all problems found
 * (up to {@value #MAX_PROBLEMS}) are reported with their line numbers. Lines may end with LF or
 * CRLF.
 */
public final class NachaReader {
  /** Past this many problems reading stops; a file this broken needs no longer list. */
  public static final int MAX_PROBLEMS = 100;

  private NachaReader() {}

  /** Reads {@code in} to its end. The caller closes it. */
  public static NachaReadResult read(Reader in) throws IOException {
    LineSource lines = new LineSource(in);
    FileAssembler file = new FileAssembler();
    LineSource.Line line;
    while ((line = lines.next()) != null) {
      if (file.problems.size() >= MAX_PROBLEMS) {
        file.problems.add(new NachaProblem(line.number(), "file",
            "reading stopped after " + MAX_PROBLEMS + " problems"));
        return new NachaReadResult.Rejected(file.problems);
      }
      file.accept(line);
    }
    return file.finish();
  }

  /** The state of one file being read. */
  private static final class FileAssembler {
    private final List<NachaProblem> problems = new ArrayList<>();
    private final List<Batch> batches = new ArrayList<>();
    private FileHeader header;
    private boolean headerSeen;
    private BatchAssembler openBatch;
    private int previousBatchNumber;
    /** A batch or record was unreadable, so the file control's sums cannot be compared. */
    private boolean damaged;
    private FileControl control;
    private int controlLine;
    private int lastLine;

    void accept(LineSource.Line line) {
      lastLine = line.number();
      if (line.length() != LineBuilder.RECORD_LENGTH) {
        problem(line.number(), "record", "must be 94 characters, not " + line.length());
        damaged = true;
        return;
      }
      if (!Check.isPrintableAscii(line.text())) {
        problem(line.number(), "record", "holds characters outside printable ASCII");
        damaged = true;
        return;
      }
      if (controlLine > 0) {
        padding(line);
        return;
      }
      FieldReader fields = new FieldReader(line.text(), line.number(), problems);
      char type = line.text().charAt(0);
      if (!headerSeen && type != '1') {
        problem(line.number(), "recordType", "the file must start with a file header (1)");
        headerSeen = true;
        damaged = true;
      }
      switch (type) {
        case '1' -> fileHeader(fields);
        case '5' -> batchHeader(fields);
        case '6', '7', '8' -> inBatch(type, fields);
        case '9' -> fileControl(line, fields);
        default -> {
          problem(line.number(), "recordType", "must be 1, 5, 6, 7, 8 or 9");
          damaged = true;
        }
      }
    }

    private void fileHeader(FieldReader fields) {
      if (headerSeen) {
        problem(fields.lineNumber(), "recordType", "a file has one file header");
        damaged = true;
        return;
      }
      headerSeen = true;
      header = RecordParser.fileHeader(fields);
    }

    private void batchHeader(FieldReader fields) {
      closeUnfinishedBatch(fields.lineNumber(), "batch header");
      BatchHeader batchHeader = RecordParser.batchHeader(fields);
      if (batchHeader != null && batchHeader.batchNumber() <= previousBatchNumber) {
        fields.problem("batchNumber", "must ascend within the file");
      }
      if (batchHeader == null) {
        damaged = true;
      } else {
        previousBatchNumber = batchHeader.batchNumber();
      }
      openBatch = new BatchAssembler(batchHeader, problems);
    }

    private void inBatch(char type, FieldReader fields) {
      if (openBatch == null) {
        fields.problem("recordType", "record type " + type + " outside a batch: its batch "
            + "header (5) is missing");
        damaged = true;
        return;
      }
      switch (type) {
        case '6' -> openBatch.entry(fields);
        case '7' -> openBatch.addenda(fields);
        default -> {
          Batch batch = openBatch.close(fields);
          if (batch == null) {
            damaged = true;
          } else {
            batches.add(batch);
          }
          openBatch = null;
        }
      }
    }

    private void fileControl(LineSource.Line line, FieldReader fields) {
      controlLine = line.number();
      if (line.text().equals(RecordFormat.PADDING)) {
        problem(line.number(), "recordType", "padding before the file control (9), which is "
            + "missing");
        closeUnfinishedBatch(line.number(), "padding");
        damaged = true;
        return;
      }
      closeUnfinishedBatch(line.number(), "file control");
      control = RecordParser.fileControl(fields);
      if (control == null || damaged) {
        return;
      }
      FileControl computed = FileControl.of(batches);
      Compare compare = new Compare(fields);
      compare.numbers("batchCount", control.batchCount(), computed.batchCount(), 6);
      compare.numbers("entryAddendaCount", control.entryAddendaCount(),
          computed.entryAddendaCount(), 8);
      compare.numbers("entryHash", control.entryHash(), computed.entryHash(), 10);
      compare.numbers("totalDebit", control.totalDebitCents(), computed.totalDebitCents(), 12);
      compare.numbers("totalCredit", control.totalCreditCents(), computed.totalCreditCents(), 12);
    }

    private void padding(LineSource.Line line) {
      if (!line.text().equals(RecordFormat.PADDING)) {
        problem(line.number(), "padding",
            "only records of 94 nines may follow the file control");
      }
    }

    private void closeUnfinishedBatch(int lineNumber, String what) {
      if (openBatch != null) {
        problem(lineNumber, "recordType", what + " while a batch is open: its batch control (8) "
            + "is missing");
        openBatch = null;
        damaged = true;
      }
    }

    NachaReadResult finish() {
      if (lastLine == 0) {
        problem(1, "file", "is empty");
      } else if (controlLine == 0) {
        closeUnfinishedBatch(lastLine, "end of file");
        problem(lastLine, "file", "ends without a file control record (9)");
      } else {
        if (lastLine % FileControl.BLOCKING_FACTOR != 0) {
          problem(lastLine, "padding", "the file has " + lastLine
              + " lines, not a multiple of 10: pad the last block with records of nines");
        }
        if (control != null && control.blockCount() != (lastLine + 9) / 10) {
          problem(controlLine, "blockCount", "is " + control.blockCount() + " but the file has "
              + lastLine + " lines");
        }
      }
      if (!problems.isEmpty()) {
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new NachaReadResult.Rejected(problems);
      }
      return new NachaReadResult.Accepted(new NachaFile(header, batches));
    }

    private void problem(int line, String field, String message) {
      problems.add(new NachaProblem(line, field, message));
    }
  }
}
