package dev.billpay.clearing.nacha;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Builds one 94-character record field by field, in the order of the published layout. Text is
 * sanitized and left-justified, numbers right-justified with zeros; a value that does not fit its
 * field is refused, never truncated.
 */
final class LineBuilder {
  static final int RECORD_LENGTH = 94;

  private final StringBuilder line = new StringBuilder(RECORD_LENGTH);

  LineBuilder literal(String value) {
    line.append(value);
    return this;
  }

  /** Free text: {@link NachaText#sanitize sanitized}, left-justified, space-padded. */
  LineBuilder text(String value, int width, String field) {
    return verbatim(NachaText.sanitize(value), width, field);
  }

  /** An identifier, already checked to be printable ASCII: left-justified, space-padded. */
  LineBuilder verbatim(String value, int width, String field) {
    if (value.length() > width) {
      throw new NachaFormatException(field, "is longer than its " + width + "-character field");
    }
    line.append(value);
    return blank(width - value.length());
  }

  /** A number: right-justified, zero-padded. */
  LineBuilder number(long value, int width, String field) {
    String digits = Long.toString(value);
    if (value < 0 || digits.length() > width) {
      throw new NachaFormatException(field, "does not fit in " + width + " digits");
    }
    line.append("0".repeat(width - digits.length())).append(digits);
    return this;
  }

  /** YYMMDD; only 2000-2099 can be read back unambiguously. */
  LineBuilder date(LocalDate date, String field) {
    if (date.getYear() < 2000 || date.getYear() > 2099) {
      throw new NachaFormatException(field, "must be in the years 2000-2099 (YYMMDD)");
    }
    return number(date.getYear() % 100, 2, field).number(date.getMonthValue(), 2, field)
        .number(date.getDayOfMonth(), 2, field);
  }

  /** YYMMDD, or six spaces for an optional date that is absent. */
  LineBuilder optionalDate(LocalDate date, String field) {
    return date == null ? blank(6) : date(date, field);
  }

  /** HHMM, or four spaces when absent. */
  LineBuilder time(LocalTime time) {
    if (time == null) {
      return blank(4);
    }
    return number(time.getHour(), 2, "time").number(time.getMinute(), 2, "time");
  }

  LineBuilder blank(int width) {
    line.append(" ".repeat(width));
    return this;
  }

  String build() {
    if (line.length() != RECORD_LENGTH) {
      // a layout bug, not bad input: every field above is fixed-width
      throw new IllegalStateException("record is " + line.length() + " characters, not 94");
    }
    return line.toString();
  }
}
