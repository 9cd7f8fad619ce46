package dev.billpay.clearing.nacha;

/**
 * Thrown when a value cannot be written into its NACHA field: too long, not numeric, out of range
 * or inconsistent with the rest of the file. The message names the field and never repeats the
 * value, because values include account numbers.
 */
public final class NachaFormatException extends IllegalArgumentException {
  private final String field;
  private final String reason;

  public NachaFormatException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** What is wrong, without the field name. */
  public String reason() {
    return reason;
  }

  /** The field the problem is about, e.g. {@code entry.amount}. */
  public String field() {
    return field;
  }
}
