package dev.billpay.clearing.nacha;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a NACHA file (outgoing, return or NOC) from a stream, one line at a time,
 * with the edit levels the ACH Operator applies to files it receives:
 * <ul>
 *   <li>a file problem (record length or characters, record order, a missing or misplaced file
 *       header or control, a file control that does not add up, blocking) rejects the file whole,
 *       with every problem found (up to {@value #MAX_PROBLEMS}) by line;
 *   <li>a batch problem (its header, an unknown service class, a batch control whose count, hash
 *       or totals do not add up, an entry it cannot count) sets that batch aside;
 *   <li>an entry problem (an addenda that does not parse, an unknown return code, an addenda whose
 *       trace number is not its entry's, a wrong check digit) sets that entry aside.
 * </ul>
 * Only the parsed records are kept, never the text. Lines may end with LF or CRLF.
 */
public final class NachaReader {
  /** Past this many problems reading stops; a file this broken needs no longer list. */
  public static final int MAX_PROBLEMS = 100;

  private NachaReader() {}

  /** Reads {@code in} to its end. The caller closes it. */
  public static NachaReadResult read(Reader in) throws IOException {
    LineSource lines = new LineSource(in);
    FileAssembler file = new FileAssembler();
    LineSource.Line line;
    while ((line = lines.next()) != null) {
      if (file.problemCount() >= MAX_PROBLEMS) {
        file.problem(line.number(), "file", "reading stopped after " + MAX_PROBLEMS
            + " problems");
        return file.rejected();
      }
      file.accept(line);
    }
    return file.finish();
  }
}
