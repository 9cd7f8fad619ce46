package dev.billpay.reconciliation.bai2;

import java.util.OptionalLong;

/**
 * The running control total of an account, group or file, kept two ways: the sum of what the
 * trailers below declare, and the sum of what is actually there (the amounts of the 03 and 16
 * records, or a trailer's declared total where the amounts below it could not be read). A trailer
 * that agrees with either is right. That way one wrong number is reported once, where it is: a
 * 49 the bank got wrong does not also fail the 98 above it, and neither does a 16 amount the
 * bank's own trailers disagree with.
 */
final class ControlTotal {
  private long declared;
  private long actual;
  private boolean declaredKnown = true;
  private boolean actualKnown = true;

  /** An amount of a 03 or 16 record. */
  void addAmount(long amount) {
    declared = Math.addExact(declared, amount);
    actual = Math.addExact(actual, amount);
  }

  /** An amount of this account could not be read: its total can no longer be checked. */
  void unknown() {
    declaredKnown = false;
    actualKnown = false;
  }

  /** A closed account or group, with the total its trailer declared (empty if unreadable). */
  void addChild(OptionalLong childDeclared, ControlTotal child) {
    OptionalLong childActual = child.actualKnown ? OptionalLong.of(child.actual) : childDeclared;
    OptionalLong declaredOrActual = childDeclared.isPresent() ? childDeclared : childActual;
    if (declaredOrActual.isPresent()) {
      declared = Math.addExact(declared, declaredOrActual.getAsLong());
    } else {
      declaredKnown = false;
    }
    if (childActual.isPresent()) {
      actual = Math.addExact(actual, childActual.getAsLong());
    } else {
      actualKnown = false;
    }
  }

  /** Whether anything is known to compare a trailer against. */
  boolean checkable() {
    return declaredKnown || actualKnown;
  }

  boolean accepts(long total) {
    return (declaredKnown && total == declared) || (actualKnown && total == actual);
  }

  /** The sum to report to the sender: what is actually there, where known. */
  long expected() {
    return actualKnown ? actual : declared;
  }
}
