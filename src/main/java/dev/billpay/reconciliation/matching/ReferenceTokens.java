package dev.billpay.reconciliation.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits references and statement text into lower-case tokens for exact, case-insensitive token
 * matching. Letters, digits, '_', '-' and '.' make up tokens (payment ids look like
 * {@code pay_01HZX...}, invoice numbers like {@code INV-2024-001}); everything else separates, and
 * a '.' or '-' at either end of a token is punctuation ("... pay_01HZX." ends a sentence). A
 * reference of several tokens matches the same tokens in a row, so "ACME 123" matches
 * "ACME, 123" but never "ACME 1234".
 */
final class ReferenceTokens {
  private ReferenceTokens() {}

  static List<String> of(String value) {
    List<String> tokens = new ArrayList<>();
    if (value == null) {
      return tokens;
    }
    int i = 0;
    while (i < value.length()) {
      while (i < value.length() && !isTokenChar(value.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < value.length() && isTokenChar(value.charAt(i))) {
        i++;
      }
      String token = trimPunctuation(value.substring(start, i));
      if (!token.isEmpty()) {
        tokens.add(token.toLowerCase(Locale.ROOT));
      }
    }
    return tokens;
  }

  /**
   * The tokens of every field of a transaction that may quote a reference, in the order the rules
   * read them: structured references, end-to-end reference, remittance text, bank reference.
   */
  static List<List<String>> ofTransaction(dev.billpay.reconciliation.BankTransaction tx) {
    List<List<String>> fields = new ArrayList<>();
    tx.structuredReferences().forEach(r -> fields.add(of(r)));
    for (String field : List.of(tx.endToEndReference(), tx.remittance(), tx.bankReference())) {
      fields.add(of(field));
    }
    return fields;
  }

  /** Whether any of the fields holds all of {@code reference}'s tokens in a row. */
  static boolean quotedIn(List<List<String>> fields, List<String> reference) {
    for (List<String> tokens : fields) {
      for (int at = 0; at < tokens.size(); at++) {
        if (matchesAt(tokens, at, reference)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code tokens} holds all of {@code reference}, in a row, starting at {@code from}. */
  static boolean matchesAt(List<String> tokens, int from, List<String> reference) {
    if (reference.isEmpty() || from + reference.size() > tokens.size()) {
      return false;
    }
    for (int i = 0; i < reference.size(); i++) {
      if (!tokens.get(from + i).equals(reference.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static String trimPunctuation(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && isPunctuation(token.charAt(start))) {
      start++;
    }
    while (end > start && isPunctuation(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }

  private static boolean isPunctuation(char c) {
    return c == '.' || c == '-';
  }
}
