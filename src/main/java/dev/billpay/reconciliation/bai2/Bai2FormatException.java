package dev.billpay.reconciliation.bai2;

import java.util.List;

/**
 * A BAI2 file was rejected whole. It carries every problem found (up to {@link
 * Bai2Reader#MAX_PROBLEMS}), in file order, so the sender can fix them all in one round.
 */
public final class Bai2FormatException extends RuntimeException {
  /** Stable code for the API's problem type. */
  public static final String CODE = "bai2.malformed";

  private final transient List<Bai2Problem> problems;

  public Bai2FormatException(List<Bai2Problem> problems) {
    super(summary(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<Bai2Problem> problems() {
    return problems;
  }

  private static String summary(List<Bai2Problem> problems) {
    String first = problems.isEmpty() ? "" : "; first: " + problems.get(0);
    return "BAI2 file rejected with " + problems.size() + " problem(s)" + first;
  }
}
