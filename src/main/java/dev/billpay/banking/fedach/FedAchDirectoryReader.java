package dev.billpay.banking.fedach;

import java.nio.charset.StandardCharsets;

/**
 * Reads a FedACH participant directory in either published form, told apart by content: the JSON
 * download starts with '{' (after any byte-order mark and white space), the fixed-width file with
 * a routing number. Imports nothing else of the gateway, so other teams can read the file with it.
 */
public final class FedAchDirectoryReader {
  private FedAchDirectoryReader() {}

  /**
   * Reads {@code content}; {@code source} (e.g. the file name) only names it in errors.
   *
   * @throws FedAchDirectoryException naming every problem (up to 50) and its line or entry
   */
  public static FedAchDirectory read(String source, byte[] content) throws FedAchDirectoryException {
    int start = hasUtf8Bom(content) ? 3 : 0;
    int first = start;
    while (first < content.length && isJsonWhitespace(content[first])) {
      first++;
    }
    if (first < content.length && (content[first] == '{' || content[first] == '[')) {
      return JsonReader.read(source, new String(content, start, content.length - start, StandardCharsets.UTF_8));
    }
    // the fixed-width file is ASCII; Latin-1 maps every byte, so a stray one is a field problem, not a crash
    return FixedWidthReader.read(source, new String(content, start, content.length - start,
        StandardCharsets.ISO_8859_1));
  }

  private static boolean hasUtf8Bom(byte[] content) {
    return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF;
  }

  private static boolean isJsonWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
