package dev.billpay.clearing.nacha;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one 94-character record by the 1-based, inclusive positions the NACHA
 * tables use, reporting each malformed field as a problem on the record's line. The problems stay
 * with the record, so the reader can decide at which level (file, batch, entry) they count.
 */
final class FieldReader {
  private final String line;
  private final int lineNumber;
  private final List<NachaProblem> problems = new ArrayList<>();
  private boolean failed;

  FieldReader(String line, int lineNumber) {
    this.line = line;
    this.lineNumber = lineNumber;
  }

  /** What was reported on this record so far, in order. */
  List<NachaProblem> problems() {
    return problems;
  }

  /** Whether any field of this record was reported. */
  boolean failed() {
    return failed;
  }

  int lineNumber() {
    return lineNumber;
  }

  void problem(String field, String message) {
    failed = true;
    problems.add(new NachaProblem(lineNumber, field, message));
  }

  /** The field exactly as written. */
  String raw(int from, int to) {
    return line.substring(from - 1, to);
  }

  /** Free text (names, descriptions): left-justified, so spaces at either end are padding. */
  String text(int from, int to) {
    return raw(from, to).strip();
  }

  /** An identifier without its trailing padding; a leading space stays, for the record to refuse. */
  String identifier(int from, int to) {
    return raw(from, to).stripTrailing();
  }

  /** A field that must hold exactly {@code expected}. */
  void expect(int from, int to, String expected, String field) {
    if (!raw(from, to).equals(expected)) {
      problem(field, "must be \"" + expected + "\"");
    }
  }

  /** A numeric field: all digits (zero-padded); {@code -1} after reporting a problem. */
  long number(int from, int to, String field) {
    String value = raw(from, to);
    if (!Check.isDigits(value, value.length())) {
      problem(field, "must be " + value.length() + " digits");
      return -1;
    }
    return Long.parseLong(value);
  }

  /** A field of digits kept as text (ids, trace numbers); {@code null} after a problem. */
  String digits(int from, int to, String field) {
    String value = raw(from, to);
    if (!Check.isDigits(value, value.length())) {
      problem(field, "must be " + value.length() + " digits");
      return null;
    }
    return value;
  }

  /** YYMMDD read as 20YY; {@code null} after a problem. */
  LocalDate date(int from, int to, String field) {
    LocalDate date = dateOrNull(from, to);
    if (date == null) {
      problem(field, "must be a date as YYMMDD");
    }
    return date;
  }

  /** YYMMDD read as 20YY, or {@code null} (not reported) when it is not a date. */
  LocalDate dateOrNull(int from, int to) {
    String value = raw(from, to);
    if (Check.isDigits(value, 6)) {
      try {
        return LocalDate.of(2000 + Integer.parseInt(value.substring(0, 2)),
            Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(4, 6)));
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  /** YYMMDD, or blanks for an absent optional date ({@code null}). */
  LocalDate optionalDate(int from, int to, String field) {
    return raw(from, to).isBlank() ? null : date(from, to, field);
  }

  /** HHMM, or blanks for an absent time ({@code null}). */
  LocalTime optionalTime(int from, int to, String field) {
    String value = raw(from, to);
    if (value.isBlank()) {
      return null;
    }
    if (Check.isDigits(value, 4)) {
      int hour = Integer.parseInt(value.substring(0, 2));
      int minute = Integer.parseInt(value.substring(2, 4));
      if (hour < 24 && minute < 60) {
        return LocalTime.of(hour, minute);
      }
    }
    problem(field, "must be a time as HHMM");
    return null;
  }

  /** A field that must be blank (reserved). */
  void blank(int from, int to, String field) {
    if (!raw(from, to).isBlank()) {
      problem(field, "is reserved and must be blank");
    }
  }
}
