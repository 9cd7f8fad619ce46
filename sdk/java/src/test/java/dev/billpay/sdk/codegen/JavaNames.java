package dev.billpay.sdk.codegen;

import java.util.Locale;
import java.util.Set;

/** How contract names (snake_case properties, operation ids, enum values) become Java names. */
final class JavaNames {
  private static final Set<String> KEYWORDS = Set.of("abstract", "boolean", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
      "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
      "private", "protected", "public", "return", "short", "static", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "record", "var", "yield", "sealed");

  private JavaNames() {}

  /** {@code funding_account_id} → {@code fundingAccountId}; a Java keyword gets a trailing underscore. */
  static String member(String wire) {
    String pascal = type(wire);
    String name = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return KEYWORDS.contains(name) ? name + "_" : name;
  }

  /** {@code date_window} or {@code listPayments} → {@code DateWindow} / {@code ListPayments}. */
  static String type(String wire) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : wire.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** {@code same_day} → {@code SAME_DAY}; {@code UP} stays {@code UP}. */
  static String constant(String wire) {
    String name = wire.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    return Character.isDigit(name.charAt(0)) ? "V_" + name : name;
  }

  /** A contract description as Javadoc text: no comment terminator, no stray HTML. */
  static String doc(String text) {
    return text.strip().replace("*/", "*&#47;").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("@", "&#64;").replace("\n", " ");
  }
}
