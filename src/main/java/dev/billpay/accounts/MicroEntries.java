package dev.billpay.accounts;

import java.util.ArrayList;
import java.util.List;

/** The micro-entries of one verification: two credits under $1.00 and the debit that offsets them. */
final class MicroEntries {
  private MicroEntries() {}

  /** The offsetting debit: the sum of the credits, so it is never larger than they are. */
  static long debit(List<Integer> credits) {
    return credits.stream().mapToLong(Integer::longValue).sum();
  }

  /** Whether the named amounts are the two credits, in either order. */
  static boolean matches(List<Integer> credits, List<Integer> named) {
    if (named == null || named.size() != credits.size()) {
      return false;
    }
    List<Integer> left = new ArrayList<>(credits);
    for (Integer amount : named) {
      if (!left.remove(amount)) {
        return false;
      }
    }
    return true;
  }
}
