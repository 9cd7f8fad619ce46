package dev.billpay.clearing;

import java.util.Locale;

/**
 * Where a clearing file is in its life. {@code created}: written and committed, not yet handed to the
 * bank; the only state in which it may be cancelled. {@code transmitting}: a hand-over (the first or a
 * retransmission) has started and not yet ended, so the bank may already be reading it.
 * {@code transmitted}: handed over. {@code transmission_unknown}: the hand-over failed or was
 * cut short, so the bank may have the file or not; only the bank's statement or return file tells.
 * {@code settled}: the bank paid it (its settlement credit, or the window passed with none of its
 * payments still awaiting settlement). {@code cancelled}: withdrawn by an operator before any
 * hand-over; its payments went back to pending and the bank never sees it.
 */
public enum ClearingFileStatus {
  CREATED, TRANSMITTING, TRANSMITTED, TRANSMISSION_UNKNOWN, SETTLED, CANCELLED;

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
