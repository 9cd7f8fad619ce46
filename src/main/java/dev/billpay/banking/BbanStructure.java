package dev.billpay.banking;

import java.util.ArrayList;
import java.util.List;

/**
 * A BBAN structure in the SWIFT IBAN registry's notation, e.g. {@code 5!n5!n11!c2!n}: each
 * segment is a length, {@code !} for "exactly this long", and a character class ({@code n}
 * digits, {@code a} upper-case letters, {@code c} upper-case letters and digits).
 *
 * <p>The registry's BBAN structures only use fixed-length segments of these three classes, so
 * variable lengths and {@code e} (blank) are rejected rather than half-supported.
 */
final class BbanStructure {
  /** One run of characters of a single class. */
  record Segment(int length, CharacterClass characters) {}

  /** The registry's character classes. */
  enum CharacterClass {
    DIGITS('n'),
    LETTERS('a'),
    ALPHANUMERIC('c');

    private final char symbol;

    CharacterClass(char symbol) {
      this.symbol = symbol;
    }

    boolean accepts(char c) {
      boolean digit = c >= '0' && c <= '9';
      boolean letter = c >= 'A' && c <= 'Z';
      return switch (this) {
        case DIGITS -> digit;
        case LETTERS -> letter;
        case ALPHANUMERIC -> digit || letter;
      };
    }

    static CharacterClass of(char symbol, String notation) {
      for (CharacterClass characters : values()) {
        if (characters.symbol == symbol) {
          return characters;
        }
      }
      throw new IllegalArgumentException("unknown character class '" + symbol + "' in " + notation);
    }
  }

  private final List<Segment> segments;
  private final int length;

  private BbanStructure(List<Segment> segments) {
    this.segments = List.copyOf(segments);
    this.length = segments.stream().mapToInt(Segment::length).sum();
  }

  /** Parses registry notation; throws IllegalArgumentException for anything else. */
  static BbanStructure parse(String notation) {
    List<Segment> segments = new ArrayList<>();
    int i = 0;
    while (i < notation.length()) {
      int digitsStart = i;
      while (i < notation.length() && isAsciiDigit(notation.charAt(i))) {
        i++;
      }
      if (i == digitsStart || i + 1 >= notation.length() || notation.charAt(i) != '!') {
        throw new IllegalArgumentException("expected <length>!<class> at " + digitsStart
            + " in " + notation);
      }
      int segmentLength = Integer.parseInt(notation.substring(digitsStart, i));
      CharacterClass characters = CharacterClass.of(notation.charAt(i + 1), notation);
      segments.add(new Segment(segmentLength, characters));
      i += 2;
    }
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("empty BBAN structure");
    }
    return new BbanStructure(segments);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Total number of characters a matching BBAN has. */
  int length() {
    return length;
  }

  boolean matches(String bban) {
    if (bban == null || bban.length() != length) {
      return false;
    }
    int position = 0;
    for (Segment segment : segments) {
      for (int end = position + segment.length(); position < end; position++) {
        if (!segment.characters().accepts(bban.charAt(position))) {
          return false;
        }
      }
    }
    return true;
  }
}
