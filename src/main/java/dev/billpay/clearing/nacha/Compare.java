package dev.billpay.clearing.nacha;

import java.util.Objects;

/** Reports control fields that disagree with what the reader computed or with the header. */
final class Compare {
  private final FieldReader fields;

  Compare(FieldReader fields) {
    this.fields = fields;
  }

  /** A count, hash or total against the value computed from the records it controls. */
  void numbers(String field, long found, long computed, int width) {
    if (found != computed) {
      fields.problem(field, "is " + pad(found, width) + " but the records add up to "
          + pad(computed, width));
    }
  }

  /** A field that must repeat the batch header's. */
  void sameAsHeader(String field, Object found, Object inHeader) {
    if (!Objects.equals(found, inHeader)) {
      fields.problem(field, "does not match the batch header");
    }
  }

  private static String pad(long value, int width) {
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
