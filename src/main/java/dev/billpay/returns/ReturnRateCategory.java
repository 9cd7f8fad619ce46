package dev.billpay.returns;

import java.util.Map;
import java.util.Set;

/**
 * The return rates the Nacha Operating Rules watch, each over an Originator's debit entries of the
 * last 60 days, with its threshold: unauthorized returns 0.5%, administrative returns 3%, all returns
 * 15%.
 */
public enum ReturnRateCategory {
  UNAUTHORIZED("unauthorized", Set.of("R05", "R07", "R10", "R11", "R29", "R51"), 0.005),
  ADMINISTRATIVE("administrative", Set.of("R02", "R03", "R04"), 0.03),
  /** Every return code counts. */
  OVERALL("overall", Set.of(), 0.15);

  /** The rolling window the rates are measured over. */
  public static final int WINDOW_DAYS = 60;

  private final String wire;
  private final Set<String> codes;
  private final double threshold;

  ReturnRateCategory(String wire, Set<String> codes, double threshold) {
    this.wire = wire;
    this.codes = codes;
    this.threshold = threshold;
  }

  public String wire() {
    return wire;
  }

  public double threshold() {
    return threshold;
  }

  /** How many of the returns by code fall into this category. */
  public long returns(Map<String, Long> returnsByCode) {
    return returnsByCode.entrySet().stream().filter(e -> this == OVERALL || codes.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** The rate: returns over entries, 0 without entries. */
  public double rate(long entries, Map<String, Long> returnsByCode) {
    return entries == 0 ? 0 : (double) returns(returnsByCode) / entries;
  }

  /** Over the threshold (reaching it exactly is not crossing it). */
  public boolean exceeded(long entries, Map<String, Long> returnsByCode) {
    return rate(entries, returnsByCode) > threshold;
  }
}
