package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expectations indexed by the first token of their remittance reference, so a statement of many
 * thousand lines never compares every line with every expectation. A reference is found as whole
 * tokens, case-insensitively, in the transaction's structured references, end-to-end reference,
 * remittance text or bank reference.
 */
final class ReferenceIndex {
  private record Mention(Expectation expectation, List<String> tokens) {}

  private final Map<String, List<Mention>> byFirstToken = new HashMap<>();

  ReferenceIndex(List<Expectation> expectations) {
    for (Expectation e : expectations) {
      List<String> tokens = ReferenceTokens.of(e.reference());
      if (!tokens.isEmpty()) {
        byFirstToken.computeIfAbsent(tokens.get(0), t -> new ArrayList<>()).add(new Mention(e, tokens));
      }
    }
  }

  /** The expectations the transaction names, in the order it names them; any flow or currency. */
  List<Expectation> namedBy(BankTransaction tx) {
    Set<Expectation> found = new LinkedHashSet<>();
    for (List<String> tokens : ReferenceTokens.ofTransaction(tx)) {
      for (int at = 0; at < tokens.size(); at++) {
        for (Mention mention : byFirstToken.getOrDefault(tokens.get(at), List.of())) {
          if (ReferenceTokens.matchesAt(tokens, at, mention.tokens())) {
            found.add(mention.expectation());
          }
        }
      }
    }
    return List.copyOf(found);
  }
}
