package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When the funds of an amount become available (the BAI2 "funds type" and the fields that follow
 * it).
 *
 * @param code {@code 0} immediate, {@code 1} one day, {@code 2} two or more days, {@code V} value
 *     dated, {@code S} distributed (immediate, one day, more than one day), {@code D} distributed
 *     over a list of days, {@code Z} unknown; a defaulted (empty) field reads as {@code Z}
 * @param valueDate the value date of a {@code V}, null for every other code
 * @param valueTime the value time (HHMM) of a {@code V}, empty when defaulted or not a {@code V}
 * @param availability for {@code S} exactly three entries for days 0, 1 and 2 (2 meaning "more than
 *     one day"); for {@code D} the distributions as listed; empty otherwise
 */
public record FundsType(
    String code, LocalDate valueDate, String valueTime, List<Availability> availability) {
  // before the constants below: their constructor checks against it
  private static final Set<String> CODES = Set.of("0", "1", "2", "V", "S", "D", "Z");

  public static final FundsType IMMEDIATE = new FundsType("0", null, "", List.of());
  public static final FundsType ONE_DAY = new FundsType("1", null, "", List.of());
  public static final FundsType TWO_OR_MORE_DAYS = new FundsType("2", null, "", List.of());
  public static final FundsType UNKNOWN = new FundsType("Z", null, "", List.of());

  /** An amount available after {@code days} days. */
  public record Availability(int days, long amountMinor) {
    public Availability {
      if (days < 0) {
        throw new IllegalArgumentException("days must not be negative");
      }
    }
  }

  public FundsType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(valueTime, "valueTime");
    availability = List.copyOf(availability);
    if (!CODES.contains(code)) {
      throw new IllegalArgumentException("funds type must be one of 0, 1, 2, V, S, D, Z: " + code);
    }
    if (code.equals("V") != (valueDate != null)) {
      throw new IllegalArgumentException("a value date goes with funds type V and only with V");
    }
    if (!code.equals("V") && !valueTime.isEmpty()) {
      throw new IllegalArgumentException("a value time goes with funds type V only");
    }
    if (code.equals("S") && !isSimpleDistribution(availability)) {
      throw new IllegalArgumentException("funds type S has exactly the days 0, 1 and 2");
    }
    if (!code.equals("S") && !code.equals("D") && !availability.isEmpty()) {
      throw new IllegalArgumentException("only funds types S and D carry availability amounts");
    }
  }

  public static FundsType valueDated(LocalDate valueDate, String valueTime) {
    return new FundsType("V", Objects.requireNonNull(valueDate, "valueDate"), valueTime, List.of());
  }

  /** Funds type S: amounts available immediately, after one day and after more than one day. */
  public static FundsType distributed(long immediate, long oneDay, long moreThanOneDay) {
    return new FundsType("S", null, "", List.of(new Availability(0, immediate),
        new Availability(1, oneDay), new Availability(2, moreThanOneDay)));
  }

  /** Funds type D: any number of (days, amount) distributions. */
  public static FundsType distributed(List<Availability> distributions) {
    return new FundsType("D", null, "", distributions);
  }

  private static boolean isSimpleDistribution(List<Availability> availability) {
    return availability.size() == 3
        && availability.get(0).days() == 0
        && availability.get(1).days() == 1
        && availability.get(2).days() == 2;
  }
}
