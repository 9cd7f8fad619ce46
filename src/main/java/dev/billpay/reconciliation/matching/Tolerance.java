package dev.billpay.reconciliation.matching;

/**
 * How far a received total may fall from an expected amount and still reconcile it: an absolute
 * amount in minor units, or basis points of the expected amount, whichever is larger. Zero and zero
 * means exact. The same tolerance decides matches and an expected payment's status.
 */
public record Tolerance(long absoluteMinor, int basisPoints) {
  public static final Tolerance EXACT = new Tolerance(0, 0);

  public Tolerance {
    if (absoluteMinor < 0 || basisPoints < 0 || basisPoints > 10_000) {
      throw new IllegalArgumentException("tolerance must be >= 0 and at most 10000 basis points");
    }
  }

  /** The allowed shortfall or excess around {@code amountMinor}. */
  public long around(long amountMinor) {
    long relative = Math.multiplyExact(amountMinor, (long) basisPoints) / 10_000;
    return Math.max(absoluteMinor, relative);
  }

  /** Whether {@code totalMinor} settles an expectation of {@code minMinor}..{@code maxMinor}. */
  public boolean covers(long totalMinor, long minMinor, long maxMinor) {
    return totalMinor >= minMinor - around(minMinor) && totalMinor <= maxMinor + around(maxMinor);
  }
}
