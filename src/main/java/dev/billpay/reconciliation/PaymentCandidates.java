package dev.billpay.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expected payments indexed for matching a statement: by the first token of their id and
 * reference, and by currency and amount, so a statement of 100,000 lines against thousands of
 * candidates never compares every line with every candidate.
 */
final class PaymentCandidates {
  private record Mention(int index, List<String> tokens) {}

  private final List<ExpectedPayment> payments;
  private final Map<String, List<Mention>> byFirstToken = new HashMap<>();
  private final Map<String, List<ExpectedPayment>> byAmount = new HashMap<>();

  PaymentCandidates(List<ExpectedPayment> payments) {
    this.payments = payments;
    for (int i = 0; i < payments.size(); i++) {
      ExpectedPayment payment = payments.get(i);
      index(i, payment.paymentId());
      if (payment.reference() != null) {
        index(i, payment.reference());
      }
      byAmount.computeIfAbsent(amountKey(payment.currency(), payment.amountMinor()),
          key -> new ArrayList<>()).add(payment);
    }
  }

  /**
   * The payments whose id or reference appears as whole tokens in the transaction's customer
   * reference, bank reference or text, in candidate order.
   */
  List<ExpectedPayment> mentionedBy(BankTransaction tx) {
    Set<Integer> found = new LinkedHashSet<>();
    for (String field : List.of(tx.endToEndReference(), tx.bankReference(), tx.remittance())) {
      List<String> tokens = ReferenceTokens.of(field);
      for (int at = 0; at < tokens.size(); at++) {
        for (Mention mention : byFirstToken.getOrDefault(tokens.get(at), List.of())) {
          if (ReferenceTokens.matchesAt(tokens, at, mention.tokens())) {
            found.add(mention.index());
          }
        }
      }
    }
    return found.stream().sorted().map(payments::get).toList();
  }

  /** The payments expecting exactly this amount in this currency, in candidate order. */
  List<ExpectedPayment> expecting(String currency, long amountMinor) {
    return byAmount.getOrDefault(amountKey(currency, amountMinor), List.of());
  }

  private void index(int index, String reference) {
    List<String> tokens = ReferenceTokens.of(reference);
    if (!tokens.isEmpty()) {
      byFirstToken.computeIfAbsent(tokens.get(0), key -> new ArrayList<>())
          .add(new Mention(index, tokens));
    }
  }

  private static String amountKey(String currency, long amountMinor) {
    return currency + ' ' + amountMinor;
  }
}
