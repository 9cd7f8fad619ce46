package dev.billpay.reconciliation.bai2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns physical lines into logical records. An 88 continues the record before it: the end of a
 * physical record separates fields just as a comma does, so the spec's
 * {@code 03,...,190/} + {@code 88,500000,...} reads as {@code 03,...,190,500000,...}, and a 16's
 * text continued on 88s comes back with a comma where each physical record ended.
 *
 * <p>Trailing blanks are padding (fixed-length files) and are dropped. Every record but a 16 ends
 * at its first '/'. A 16's text runs to the end of the physical record and may itself contain
 * '/', so for 16s and their 88s only one '/' at the very end is taken as the terminator: banks
 * commonly add it, and the spec writes "no text" as a lone '/'.
 */
final class RecordAssembler {
  /** Receives each logical record once it is complete, and the lines that are not records. */
  interface Sink {
    void record(LogicalRecord record);

    void blankLine(int line);

    /** An 88 with nothing to continue: still a physical record, its content lost. */
    void orphanContinuation(int line);
  }

  private static final String TEXT_RECORD = "16";
  private static final String CONTINUATION = "88";

  private final Problems problems;
  private final Sink sink;
  private String code;
  private List<LogicalRecord.Field> fields;
  private List<Integer> lengths;
  private Set<Integer> emptyBeforeContinuation;
  private int firstLine;

  RecordAssembler(Problems problems, Sink sink) {
    this.problems = problems;
    this.sink = sink;
  }

  void accept(int line, String raw) {
    String content = stripTrailingBlanks(raw);
    if (content.isEmpty()) {
      flush();
      sink.blankLine(line);
      return;
    }
    if (content.length() < 3 || !isDigit(content.charAt(0)) || !isDigit(content.charAt(1))
        || content.charAt(2) != ',') {
      flush();
      problems.add(line, "record_code", "a record starts with a two-digit record code and a comma");
      return;
    }
    String recordCode = content.substring(0, 2);
    if (recordCode.equals(CONTINUATION)) {
      continueRecord(line, raw.length(), content.substring(3));
    } else {
      flush();
      code = recordCode;
      fields = new ArrayList<>();
      lengths = new ArrayList<>();
      emptyBeforeContinuation = new HashSet<>();
      firstLine = line;
      append(line, raw.length(), content.substring(3));
    }
  }

  /** Hands over the last record; call once after the last line. */
  void finish() {
    flush();
  }

  private void continueRecord(int line, int length, String body) {
    if (code == null) {
      problems.add(line, "record_code", "88 continuation record with nothing to continue");
      sink.orphanContinuation(line);
      return;
    }
    int last = fields.size() - 1;
    if (last >= 0 && fields.get(last).value().isEmpty()) {
      emptyBeforeContinuation.add(last);
    }
    append(line, length, body);
  }

  private void append(int line, int length, String body) {
    String fieldsPart =
        code.equals(TEXT_RECORD) ? withoutFinalSlash(body) : beforeSlash(line, body);
    for (String value : fieldsPart.split(",", -1)) {
      fields.add(new LogicalRecord.Field(value, line));
    }
    lengths.add(length);
  }

  private String beforeSlash(int line, String body) {
    int slash = body.indexOf('/');
    if (slash < 0) {
      problems.add(line, "record", "does not end with '/'");
      return body;
    }
    if (slash < body.length() - 1) {
      problems.add(line, "record", "has characters after the '/' that ends it");
    }
    return body.substring(0, slash);
  }

  private static String withoutFinalSlash(String body) {
    return body.endsWith("/") ? body.substring(0, body.length() - 1) : body;
  }

  private void flush() {
    if (code != null) {
      LogicalRecord record = new LogicalRecord(code, List.copyOf(fields), firstLine,
          List.copyOf(lengths), Set.copyOf(emptyBeforeContinuation));
      code = null;
      fields = null;
      lengths = null;
      emptyBeforeContinuation = null;
      sink.record(record);
    }
  }

  private static String stripTrailingBlanks(String raw) {
    int end = raw.length();
    while (end > 0 && raw.charAt(end - 1) == ' ') {
      end--;
    }
    return raw.substring(0, end);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
