package dev.billpay.clearing;

import java.util.Locale;

/**
 * Where a clearing file is in its life. {@code created}: written and committed, not yet handed to the
 * bank. {@code transmitted}: handed over. {@code transmission_unknown}: the hand-over failed or was
 * cut short, so the bank may have the file or not; only the bank's statement or return file tells.
 * {@code settled}: the bank paid it (its settlement credit, or the window passed with none of its
 * payments still awaiting settlement).
 */
public enum ClearingFileStatus {
  CREATED, TRANSMITTED, TRANSMISSION_UNKNOWN, SETTLED;

  /** The name in the API and in the clearing_files.status column. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ClearingFileStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** The wire name as a SQL literal, for this package's statements (a fixed word, never input). */
  String sql() {
    return "'" + wire() + "'";
  }
}
