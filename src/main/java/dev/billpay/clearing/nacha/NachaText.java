package dev.billpay.clearing.nacha;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns free text (names, descriptions, discretionary data) into what a NACHA alphameric field may
 * hold. NACHA allows any character above ASCII 0x1F; banks differ on lower case, so everything is
 * upper-cased. Letters with accents lose them (NFKD decomposition drops the combining marks, so
 * "Zoë Łukasz" becomes "ZOE LUKASZ"), a few letters that do not decompose are spelled out, and any
 * other character outside printable ASCII becomes {@code '?'}: one per code point, so the field
 * keeps its length and shows a reader that something was there, where a space would hide it.
 * Spaces at either end are dropped, because alphameric fields are left-justified. Identifiers
 * are never passed through here; they are refused instead (see {@link Check}).
 */
public final class NachaText {
  /** What replaces a character that has no ASCII spelling. */
  public static final char REPLACEMENT = '?';

  private static final Map<Integer, String> SPELLED_OUT = Map.ofEntries(
      Map.entry((int) 'ß', "SS"), Map.entry((int) 'ẞ', "SS"),
      Map.entry((int) 'æ', "AE"), Map.entry((int) 'Æ', "AE"),
      Map.entry((int) 'œ', "OE"), Map.entry((int) 'Œ', "OE"),
      Map.entry((int) 'ø', "O"), Map.entry((int) 'Ø', "O"),
      Map.entry((int) 'ł', "L"), Map.entry((int) 'Ł', "L"),
      Map.entry((int) 'đ', "D"), Map.entry((int) 'Đ', "D"),
      Map.entry((int) 'ð', "D"), Map.entry((int) 'Ð', "D"),
      Map.entry((int) 'þ', "TH"), Map.entry((int) 'Þ', "TH"),
      Map.entry((int) 'ı', "I"));

  private NachaText() {}

  /**
   * The upper-case printable-ASCII form of {@code text} without spaces at either end, as the
   * writer puts it in a field.
   */
  public static String sanitize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed.codePoints().forEach(codePoint -> {
      if (isCombiningMark(codePoint)) {
        return;
      }
      String spelled = SPELLED_OUT.get(codePoint);
      if (spelled != null) {
        out.append(spelled);
      } else if (codePoint >= 0x20 && codePoint <= 0x7E) {
        out.append(Character.toUpperCase((char) codePoint));
      } else {
        out.append(REPLACEMENT);
      }
    });
    // alphameric fields are left-justified: spaces at either end would only shift the text
    return out.toString().strip();
  }

  /**
   * {@link #sanitize sanitized} text cut to {@code width} characters, for callers that choose to
   * shorten a long name rather than have the writer refuse it.
   */
  public static String fit(String text, int width) {
    String sanitized = sanitize(text);
    return sanitized.length() <= width ? sanitized : sanitized.substring(0, width).strip();
  }

  /** Whether the writer would write {@code text} unchanged. */
  public static boolean isClean(String text) {
    return sanitize(text).equals(text);
  }

  private static boolean isCombiningMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
