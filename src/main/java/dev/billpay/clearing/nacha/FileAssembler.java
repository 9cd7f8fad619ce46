package dev.billpay.clearing.nacha;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The state of one file being read by {@link NachaReader}. */
final class FileAssembler {
  private final List<NachaProblem> problems = new ArrayList<>();
  private final List<Batch> batches = new ArrayList<>();
  private final List<Integer> entryLines = new ArrayList<>();
  private final List<SetAsideBatch> setAsideBatches = new ArrayList<>();
  private final List<SetAsideEntry> setAsideEntries = new ArrayList<>();
  private final BatchTotals totals = new BatchTotals();
  private int batchCount;
  private int closedProblems;
  private FileHeader header;
  private boolean headerSeen;
  private BatchAssembler openBatch;
  private int previousBatchNumber;
  /** A record or the order of records is wrong, so the file control's sums mean nothing. */
  private boolean damaged;
  private FileControl control;
  private int controlLine;
  private int lastLine;

  int problemCount() {
    return problems.size() + closedProblems + (openBatch == null ? 0 : openBatch.problemCount());
  }

  void accept(LineSource.Line line) {
    lastLine = line.number();
    char type = line.text().isEmpty() ? ' ' : line.text().charAt(0);
    if (line.length() != LineBuilder.RECORD_LENGTH) {
      unreadable(line, type, "must be 94 characters, not " + line.length());
      return;
    }
    if (!Check.isPrintableAscii(line.text())) {
      unreadable(line, type, "holds characters outside printable ASCII");
      return;
    }
    if (controlLine > 0) {
      padding(line);
      return;
    }
    FieldReader fields = new FieldReader(line.text(), line.number());
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

  /**
   * A record that cannot be read still tells, by its type, where the file is: a short file header
   * is still the file header, a short batch control still closes its batch. So the records after it
   * are not blamed for its absence.
   */
  private void unreadable(LineSource.Line line, char type, String message) {
    problem(line.number(), "record", message);
    damaged = true;
    if (controlLine > 0) {
      return;
    }
    switch (type) {
      case '1' -> headerSeen = true;
      case '5' -> {
        headerSeen = true;
        batchCount++;
        closeQuietly();
        openBatch = BatchAssembler.unreadable(line.number());
      }
      case '8' -> closeQuietly();
      case '9' -> {
        closeQuietly();
        controlLine = line.number();
      }
      default -> headerSeen = true;
    }
  }

  /** Ends the open batch without a control to check it against; its problems are kept. */
  private void closeQuietly() {
    if (openBatch != null) {
      problems.addAll(openBatch.problemsSoFar());
      openBatch = null;
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
    problems.addAll(fields.problems());
  }

  private void batchHeader(FieldReader fields) {
    closeUnfinishedBatch(fields.lineNumber(), "batch header");
    batchCount++;
    openBatch = new BatchAssembler(fields, previousBatchNumber);
    if (openBatch.header() != null) {
      previousBatchNumber = openBatch.header().batchNumber();
    }
  }

  private void inBatch(char type, FieldReader fields) {
    if (openBatch == null) {
      problem(fields.lineNumber(), "recordType", "record type " + type + " outside a batch: its "
          + "batch header (5) is missing");
      damaged = true;
      return;
    }
    switch (type) {
      case '6' -> openBatch.entry(fields);
      case '7' -> openBatch.addenda(fields);
      default -> {
        BatchAssembler.Closed closed = openBatch.close(fields);
        totals.add(openBatch.totals());
        closedProblems += openBatch.problemCount();
        openBatch = null;
        if (closed.batch() != null) {
          batches.add(closed.batch());
          entryLines.addAll(closed.entryLines());
          setAsideEntries.addAll(closed.setAsideEntries());
        } else {
          setAsideBatches.add(closed.setAside());
        }
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
    if (control != null && !damaged) {
      compareControl(fields);
    }
    problems.addAll(fields.problems());
  }

  /** The file control against every batch read, set aside or not, as the Operator adds them. */
  private void compareControl(FieldReader fields) {
    Compare compare = new Compare(fields);
    compare.numbers("batchCount", control.batchCount(), batchCount, 6);
    compare.numbers("entryAddendaCount", control.entryAddendaCount(), totals.records(), 8);
    if (totals.known()) {
      compare.numbers("entryHash", control.entryHash(), totals.hash(), 10);
      compare.numbers("totalDebit", control.totalDebitCents(), totals.debits(), 12);
      compare.numbers("totalCredit", control.totalCreditCents(), totals.credits(), 12);
    }
  }

  private void padding(LineSource.Line line) {
    if (!line.text().equals(RecordFormat.PADDING)) {
      problem(line.number(), "padding", "only records of 94 nines may follow the file control");
    }
  }

  private void closeUnfinishedBatch(int lineNumber, String what) {
    if (openBatch != null) {
      problem(lineNumber, "recordType", what + " while a batch is open: its batch control (8) "
          + "is missing");
      problems.addAll(openBatch.problemsSoFar());
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
    if (!problems.isEmpty() || header == null) {
      return rejected();
    }
    return new NachaReadResult.Accepted(new NachaFile(header, batches), entryLines,
        setAsideBatches, setAsideEntries);
  }

  /** The file rejected whole: its own problems and those of every batch and entry, by line. */
  NachaReadResult rejected() {
    List<NachaProblem> all = new ArrayList<>(problems);
    setAsideBatches.forEach(b -> all.addAll(b.problems()));
    setAsideEntries.forEach(e -> all.addAll(e.problems()));
    all.sort(Comparator.comparingInt(NachaProblem::line));
    return new NachaReadResult.Rejected(all);
  }

  void problem(int line, String field, String message) {
    problems.add(new NachaProblem(line, field, message));
  }
}
