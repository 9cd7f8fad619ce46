package dev.billpay.reconciliation.bai2;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Reads the fields of one logical record in order, checking each against its BAI2 format and
 * reporting problems on the line the field is on. A field missing at the end of a record is
 * defaulted (empty), as the spec allows a '/' to end a record early.
 */
final class FieldCursor {
  /** 18 digits always fit in a long, so no amount can overflow while being parsed. */
  private static final int MAX_DIGITS = 18;

  private final LogicalRecord record;
  private final Problems problems;
  private final int problemsBefore;
  private int next;
  private int lastLine;

  FieldCursor(LogicalRecord record, Problems problems) {
    this.record = record;
    this.problems = problems;
    this.problemsBefore = problems.count();
    this.lastLine = record.firstLine();
  }

  /** True while no field of this record had a problem. */
  boolean clean() {
    return problems.count() == problemsBefore;
  }

  boolean hasMore() {
    return next < record.fields().size();
  }

  /** The line of the field read last (or of the record, before any field is read). */
  int lastLine() {
    return lastLine;
  }

  /** The next field as written, or empty when the record ended before it. */
  String next() {
    if (!hasMore()) {
      lastLine = record.lastLine();
      next++;
      return "";
    }
    LogicalRecord.Field field = record.fields().get(next++);
    lastLine = field.line();
    return field.value();
  }

  String required(String name) {
    String value = next();
    if (value.isEmpty()) {
      problem(name, "is required");
    }
    return value;
  }

  /** A reference: free alphanumerics, but a '/' would be read as the end of the record. */
  String reference(String name) {
    String value = next();
    if (value.indexOf('/') >= 0) {
      problem(name, "must not contain '/'");
    }
    return value;
  }

  String typeCode(String name) {
    String value = next();
    if (!isDigits(value) || value.length() != 3) {
      problem(name, "must be three digits; was '" + value + "'");
    }
    return value;
  }

  /** Three upper-case letters, or empty when defaulted. */
  String currency(String name) {
    String value = next();
    if (!value.isEmpty() && !value.matches("[A-Z]{3}")) {
      problem(name, "must be a three-letter ISO 4217 code; was '" + value + "'");
    }
    return value;
  }

  LocalDate date(String name) {
    String value = next();
    if (value.isEmpty()) {
      problem(name, "is required");
      return null;
    }
    if (value.length() != 6 || !isDigits(value)) {
      problem(name, "must be a date as YYMMDD; was '" + value + "'");
      return null;
    }
    try {
      // BAI2 has two-digit years; statements we receive are all from this century
      return LocalDate.of(2000 + Integer.parseInt(value.substring(0, 2)),
          Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(4, 6)));
    } catch (DateTimeException e) {
      problem(name, "is not a calendar date: '" + value + "'");
      return null;
    }
  }

  /** HHMM from 0000 to 2400; 9999 is also end of day, which the spec asks readers to accept. */
  String time(String name, boolean required) {
    String value = next();
    if (value.isEmpty()) {
      if (required) {
        problem(name, "is required");
      }
      return value;
    }
    if (!isTime(value)) {
      problem(name, "must be a time as HHMM (0000 to 2400, or 9999); was '" + value + "'");
    }
    return value;
  }

  /** Digits with, when {@code signed}, an optional leading '+' or '-'; empty when defaulted. */
  OptionalLong amount(String name, boolean signed) {
    String value = next();
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    boolean hasSign = signed && (value.charAt(0) == '+' || value.charAt(0) == '-');
    String digits = hasSign ? value.substring(1) : value;
    if (!isDigits(digits)) {
      problem(name, (signed ? "must be digits with an optional leading + or -"
          : "must be digits only, without sign or decimal point") + "; was '" + value + "'");
      return OptionalLong.empty();
    }
    if (digits.length() > MAX_DIGITS) {
      problem(name, "has more than " + MAX_DIGITS + " digits");
      return OptionalLong.empty();
    }
    long amount = Long.parseLong(digits);
    return OptionalLong.of(value.charAt(0) == '-' ? -amount : amount);
  }

  OptionalLong requiredAmount(String name, boolean signed) {
    int before = problems.count();
    OptionalLong amount = amount(name, signed);
    if (amount.isEmpty() && problems.count() == before) {
      problem(name, "is required");
    }
    return amount;
  }

  /** A non-negative count, or empty when defaulted. */
  OptionalInt count(String name) {
    String value = next();
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    if (!isDigits(value) || value.length() > 9) {
      problem(name, "must be a whole number; was '" + value + "'");
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(value));
  }

  OptionalInt requiredCount(String name) {
    int before = problems.count();
    OptionalInt count = count(name);
    if (count.isEmpty() && problems.count() == before) {
      problem(name, "is required");
    }
    return count;
  }

  /** Everything left, commas included: the text field of a 16. */
  String rest() {
    StringJoiner text = new StringJoiner(",");
    List<LogicalRecord.Field> fields = record.fields();
    for (; next < fields.size(); next++) {
      text.add(fields.get(next).value());
    }
    return text.toString();
  }

  /** Reports fields beyond those the record type defines. */
  void end() {
    if (hasMore()) {
      next();
      problem("record", "has more fields than a " + record.code() + " record defines");
    }
  }

  void problem(String name, String message) {
    problems.add(lastLine, name, message);
  }

  void problemAt(int line, String name, String message) {
    problems.add(line, name, message);
  }

  private static boolean isDigits(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean isTime(String value) {
    if (value.length() != 4 || !isDigits(value)) {
      return false;
    }
    int hours = Integer.parseInt(value.substring(0, 2));
    int minutes = Integer.parseInt(value.substring(2));
    return value.equals("2400") || value.equals("9999") || (hours < 24 && minutes < 60);
  }
}
