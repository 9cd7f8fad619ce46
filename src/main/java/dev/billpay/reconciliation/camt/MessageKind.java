package dev.billpay.reconciliation.camt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which message a Document's namespace names, and the elements that hold its reports.
 *
 * @param type {@code camt.053} or {@code camt.054}
 * @param version {@code 001.02} ... {@code 001.13}
 * @param container the message element under Document ({@code BkToCstmrStmt}, {@code BkToCstmrDbtCdtNtfctn})
 * @param report the element of one account's report ({@code Stmt}, {@code Ntfctn})
 */
record MessageKind(String type, String version, String container, String report) {
  static final String PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
  /** Versions whose elements the reader knows: .02 to .13 differ only where the reader accepts either shape. */
  static final int OLDEST = 2;
  static final int NEWEST = 13;
  private static final Pattern NAMESPACE = Pattern.compile(Pattern.quote(PREFIX) + "(camt\\.05[34])\\.001\\.(\\d{2})");

  static Optional<MessageKind> of(String namespace) {
    Matcher m = NAMESPACE.matcher(namespace);
    if (!m.matches()) {
      return Optional.empty();
    }
    int version = Integer.parseInt(m.group(2));
    if (version < OLDEST || version > NEWEST) {
      return Optional.empty();
    }
    String type = m.group(1);
    return Optional.of(type.equals("camt.053")
        ? new MessageKind(type, "001." + m.group(2), "BkToCstmrStmt", "Stmt")
        : new MessageKind(type, "001." + m.group(2), "BkToCstmrDbtCdtNtfctn", "Ntfctn"));
  }

  /** Why a namespace is not read, for the problem that rejects the file. */
  static String refusal(String namespace) {
    if (namespace.isEmpty()) {
      return "has no namespace; a camt.053 or camt.054 Document is in " + PREFIX + "camt.053.001.NN or "
          + PREFIX + "camt.054.001.NN";
    }
    if (NAMESPACE.matcher(namespace).matches()) {
      return namespace.substring(PREFIX.length()) + " is not read: versions 001.0" + OLDEST + " to 001." + NEWEST
          + " are";
    }
    return "is in namespace " + namespace + ", which is not a camt.053 or camt.054 message (" + PREFIX
        + "camt.053.001.NN or camt.054.001.NN)";
  }

  /** The format a statement of this message carries, e.g. {@code camt.053.001.08}. */
  String format() {
    return type + "." + version;
  }
}
