package dev.billpay.reconciliation.bai2;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a BAI2 file line by line (never the whole file as one string) and checks it completely:
 * every field's format, the order 01 (02 (03 16* 49)* 98)* 99, each 49, 98 and 99 control total
 * and record count. A file with any problem is rejected whole with {@link Bai2FormatException}
 * listing every problem found, by line.
 *
 * <p>Control totals are the algebraic sums the spec defines: a 49 sums every amount of its 03
 * (balances and summaries, signed) and of its 16s (unsigned); a 98 sums its 49s, a 99 its 98s.
 * Record counts are physical records, 88 continuations included: a 49 counts from its 03 to
 * itself, a 98 from its 02, a 99 from the 01.
 *
 * <p>Reading rules where the format leaves room: an 88 continues the record before it, and the end
 * of a physical record separates fields as a comma does, so a 16's text continued on 88s reads
 * with a comma at each break. A 16's text runs to the end of its record and keeps its commas and
 * slashes; only one '/' at its very end is taken as a terminator (banks commonly add it; a lone
 * '/' is "no text"). Trailing blanks are padding. Years are 20YY. Defaulted fields read as the
 * spec's defaults: funds type Z, group currency USD, account currency the group's, 16 amount 0.
 */
public final class Bai2Reader {
  /** Problems reported before the reader gives up on a file. */
  public static final int MAX_PROBLEMS = 100;

  private Bai2Reader() {}

  /**
   * Reads a whole file from {@code in}, which the caller closes. Only the record being read is
   * held as text; the result holds every transaction.
   *
   * @throws Bai2FormatException if the file is not a valid BAI2 file, with every problem found
   */
  public static Bai2File read(BufferedReader in) throws IOException {
    Bai2FileParser parser = new Bai2FileParser();
    RecordAssembler assembler = new RecordAssembler(parser.problems(), parser);
    int lines = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      assembler.accept(++lines, line);
    }
    assembler.finish();
    return parser.finish(lines);
  }
}
