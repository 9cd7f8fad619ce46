package dev.billpay.expectedpayments;

import static dev.billpay.expectedpayments.ExpectedPaymentStatus.ARCHIVED;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.OVERDUE;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.PARTIALLY_RECONCILED;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.RECONCILED;
import static dev.billpay.expectedpayments.ExpectedPaymentStatus.UNRECONCILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.reconciliation.matching.Tolerance;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The status rules of an expected payment")
class ExpectedPaymentStatusRulesTest {
  private static final ExpectedPaymentStatusRules EXACT = new ExpectedPaymentStatusRules(Tolerance.EXACT);

  @Test
  @DisplayName("with an exact tolerance, less than the amount is partial and the amount itself reconciles")
  void exact() {
    assertThat(EXACT.afterReceiving(UNRECONCILED, 9_999, 10_000, 10_000)).isEqualTo(PARTIALLY_RECONCILED);
    assertThat(EXACT.afterReceiving(PARTIALLY_RECONCILED, 10_000, 10_000, 10_000)).isEqualTo(RECONCILED);
    assertThat(EXACT.afterReceiving(UNRECONCILED, 1, 10_000, 10_000)).isEqualTo(PARTIALLY_RECONCILED);
  }

  @Test
  @DisplayName("an absolute tolerance reconciles one minor unit inside it, and not one unit outside")
  void absoluteToleranceEdges() {
    ExpectedPaymentStatusRules rules = new ExpectedPaymentStatusRules(new Tolerance(100, 0));
    assertThat(rules.afterReceiving(UNRECONCILED, 9_900, 10_000, 10_000)).isEqualTo(RECONCILED);
    assertThat(rules.afterReceiving(UNRECONCILED, 9_899, 10_000, 10_000)).isEqualTo(PARTIALLY_RECONCILED);
    assertThat(rules.afterReceiving(UNRECONCILED, 10_100, 10_000, 10_000)).isEqualTo(RECONCILED);
  }

  @Test
  @DisplayName("a basis-point tolerance is taken of the minimum of a range, and the larger tolerance applies")
  void basisPointsOfARange() {
    // 1% of 50 000 is 500; the absolute 100 is smaller, so 49 500 is the least that reconciles
    ExpectedPaymentStatusRules rules = new ExpectedPaymentStatusRules(new Tolerance(100, 100));
    assertThat(rules.afterReceiving(UNRECONCILED, 49_500, 50_000, 60_000)).isEqualTo(RECONCILED);
    assertThat(rules.afterReceiving(UNRECONCILED, 49_499, 50_000, 60_000)).isEqualTo(PARTIALLY_RECONCILED);
    assertThat(rules.afterReceiving(UNRECONCILED, 55_000, 50_000, 60_000)).isEqualTo(RECONCILED);
  }

  @Test
  @DisplayName("more than the maximum still reconciles: the expected money arrived")
  void overpaid() {
    assertThat(EXACT.afterReceiving(UNRECONCILED, 10_001, 10_000, 10_000)).isEqualTo(RECONCILED);
  }

  @Test
  @DisplayName("an overdue payment stays overdue while it is short, and is reconciled once the amount is reached")
  void overdueStaysUntilPaid() {
    assertThat(EXACT.afterReceiving(OVERDUE, 5_000, 10_000, 10_000)).isEqualTo(OVERDUE);
    assertThat(EXACT.afterReceiving(OVERDUE, 10_000, 10_000, 10_000)).isEqualTo(RECONCILED);
  }

  @Test
  @DisplayName("reconciled and archived payments are never reconciled again")
  void finalStatuses() {
    assertThatThrownBy(() -> EXACT.afterReceiving(RECONCILED, 20_000, 10_000, 10_000))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EXACT.afterReceiving(ARCHIVED, 10_000, 10_000, 10_000))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ExpectedPaymentStatusRules.OPEN).containsExactlyInAnyOrder(UNRECONCILED, PARTIALLY_RECONCILED,
        OVERDUE);
  }

  @Test
  @DisplayName("the window passing makes an unreconciled or partial payment overdue the day after its end, once")
  void overdue() {
    LocalDate end = LocalDate.of(2026, 12, 5);
    assertThat(ExpectedPaymentStatusRules.becomesOverdue(UNRECONCILED, end, end)).isFalse();
    assertThat(ExpectedPaymentStatusRules.becomesOverdue(UNRECONCILED, end, end.plusDays(1))).isTrue();
    assertThat(ExpectedPaymentStatusRules.becomesOverdue(PARTIALLY_RECONCILED, end, end.plusDays(1))).isTrue();
    assertThat(ExpectedPaymentStatusRules.becomesOverdue(OVERDUE, end, end.plusDays(9))).isFalse();
    assertThat(ExpectedPaymentStatusRules.becomesOverdue(RECONCILED, end, end.plusDays(9))).isFalse();
    assertThat(ExpectedPaymentStatusRules.becomesOverdue(ARCHIVED, end, end.plusDays(9))).isFalse();
  }

  @Test
  @DisplayName("only payments not yet reconciled may be archived")
  void archiving() {
    assertThat(ExpectedPaymentStatusRules.mayArchive(UNRECONCILED)).isTrue();
    assertThat(ExpectedPaymentStatusRules.mayArchive(PARTIALLY_RECONCILED)).isTrue();
    assertThat(ExpectedPaymentStatusRules.mayArchive(OVERDUE)).isTrue();
    assertThat(ExpectedPaymentStatusRules.mayArchive(RECONCILED)).isFalse();
    assertThat(ExpectedPaymentStatusRules.mayArchive(ARCHIVED)).isFalse();
  }

  @Test
  @DisplayName("for any amounts and tolerance, reconciled is exactly what the tolerance covers, or more")
  void agreesWithTheTolerance() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      Tolerance tolerance = new Tolerance(random.nextInt(1_000), random.nextInt(2_000));
      long min = 1 + random.nextInt(1_000_000);
      long max = min + random.nextInt(100_000);
      long received = 1 + random.nextInt(1_200_000);
      ExpectedPaymentStatus status = new ExpectedPaymentStatusRules(tolerance)
          .afterReceiving(UNRECONCILED, received, min, max);
      boolean enough = tolerance.covers(received, min, max) || received > max;
      assertThat(status).as("seed %d: %d of %d..%d with %s", seed, received, min, max, tolerance)
          .isEqualTo(enough ? RECONCILED : PARTIALLY_RECONCILED);
    }
  }
}
