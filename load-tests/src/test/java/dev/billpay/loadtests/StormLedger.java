package dev.billpay.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the retry storm's clients were answered, and what the API lists afterwards, compared key by
 * key. Virtual users of several populations write to it at once; the verifying user reads it alone.
 */
final class StormLedger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Set<String>> answeredIds = new ConcurrentHashMap<>();
  private final Set<String> sentKeys = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  /** reference (= key) of each listed payment, and its id; filled by the single verifying user. */
  private final Map<String, List<String>> listedIds = new ConcurrentHashMap<>();
  private final Set<String> listedPayments = new ConcurrentSkipListSet<>();

  void sending(String key) {
    sentKeys.add(key);
    inFlight.incrementAndGet();
  }

  /** The final answer a copy got: the payment id of a 201, or null. */
  void answered(String key, String paymentId) {
    if (paymentId != null) {
      answeredIds.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(paymentId);
    }
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  List<String> someAnsweredKeys(int n) {
    return new ArrayList<>(new TreeSet<>(answeredIds.keySet())).subList(0, Math.min(n, answeredIds.size()));
  }

  /** Takes in one page of GET /v1/payments; answers the cursor of the next page, or null after the last. */
  String listed(String page) {
    try {
      JsonNode list = JSON.readTree(page);
      for (JsonNode payment : list.get("data")) {
        String id = payment.get("id").asText();
        listedPayments.add(id);
        listedIds.computeIfAbsent(payment.path("reference").asText(""), k -> new ArrayList<>()).add(id);
      }
      return list.get("has_more").asBoolean() ? list.get("next_cursor").asText() : null;
    } catch (Exception e) {
      throw new IllegalStateException("not a list of payments: " + page, e);
    }
  }

  /**
   * Everything that breaks "exactly one payment per key", or "" when nothing does: a key answered
   * with several ids, a key sent that has not exactly one payment listed, a listed id other than the
   * one its key was answered, a listed payment of no key sent, distinct ids answered != keys answered.
   */
  String problems() {
    List<String> problems = new ArrayList<>();
    Set<String> distinctAnswered = new TreeSet<>();
    answeredIds.forEach((key, ids) -> {
      distinctAnswered.addAll(ids);
      if (ids.size() != 1) {
        problems.add(key + " was answered " + ids.size() + " payment ids " + ids);
      }
      List<String> listed = listedIds.getOrDefault(key, List.of());
      if (!ids.containsAll(listed) || listed.isEmpty()) {
        problems.add(key + " lists payments " + listed + " but was answered " + ids);
      }
    });
    if (distinctAnswered.size() != answeredIds.size()) {
      problems.add(distinctAnswered.size() + " distinct payment ids answered for " + answeredIds.size() + " keys");
    }
    for (String key : sentKeys) {
      if (listedIds.getOrDefault(key, List.of()).size() > 1) {
        problems.add(key + " has " + listedIds.get(key).size() + " payments " + listedIds.get(key));
      }
    }
    for (String reference : listedIds.keySet()) {
      if (!sentKeys.contains(reference)) {
        problems.add("payment(s) " + listedIds.get(reference) + " of reference '" + reference + "' no key was sent for");
      }
    }
    String verdict = String.format(java.util.Locale.ROOT,
        "%d keys sent, %d answered 201, %d distinct payment ids answered, %d payments listed",
        sentKeys.size(), answeredIds.size(), distinctAnswered.size(), listedPayments.size());
    System.out.println("IdempotentRetryStormSimulation: " + verdict
        + (problems.isEmpty() ? ": exactly one payment per key" : ": " + problems.size() + " problems"));
    problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
    return problems.isEmpty() ? "" : verdict + "; " + String.join("; ", problems.subList(0, Math.min(5, problems.size())));
  }
}
