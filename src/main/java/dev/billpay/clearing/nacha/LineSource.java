package dev.billpay.clearing.nacha;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a file one line at a time, ending lines at LF or CRLF. It keeps at most a few hundred
 * characters of any line, so a file without line breaks (or a binary file) costs no more memory
 * than a good one; the line's true length is still reported.
 */
final class LineSource {
  /** Longer lines are wrong anyway; this much is kept to report on them. */
  private static final int KEPT = 200;

  private final Reader in;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int lineNumber;

  LineSource(Reader in) {
    this.in = in;
  }

  /** One line of the file: its first characters and its full length. */
  record Line(int number, String text, int length) {}

  /** The next line, or {@code null} at the end of the input. */
  Line next() throws IOException {
    StringBuilder text = new StringBuilder(96);
    int length = 0;
    boolean pendingCr = false;
    while (true) {
      int c = read();
      if (c < 0) {
        if (pendingCr) {
          length = keep(text, length, '\r');
        }
        return length == 0 ? null : line(text, length);
      }
      if (c == '\n') {
        return line(text, length);
      }
      if (pendingCr) {
        length = keep(text, length, '\r'); // a CR not followed by LF is part of the line
      }
      pendingCr = c == '\r';
      if (!pendingCr) {
        length = keep(text, length, (char) c);
      }
    }
  }

  private Line line(StringBuilder text, int length) {
    lineNumber++;
    return new Line(lineNumber, text.toString(), length);
  }

  private static int keep(StringBuilder text, int length, char c) {
    if (text.length() < KEPT) {
      text.append(c);
    }
    return length + 1;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }
}
