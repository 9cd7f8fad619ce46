package dev.billpay.reconciliation.matching;

import static dev.billpay.reconciliation.matching.MatchingFixtures.credit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.expecting;
import static dev.billpay.reconciliation.matching.MatchingFixtures.withReference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.matching.Decision.Allocation;
import dev.billpay.reconciliation.matching.Decision.Reconciled;
import dev.billpay.reconciliation.matching.Decision.Rule;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The matching engine within a tolerance")
class ToleranceRuleTest {
  @Test
  @DisplayName("an absolute tolerance of 50: 9,950 and 10,050 complete an expected 10,000; 9,949 and 10,051 do not")
  void absoluteEdges() {
    MatchingEngine engine = new MatchingEngine(new Tolerance(50, 0), 0);
    for (long amount : new long[] {9_950, 10_050}) {
      assertThat(engine.match(List.of(credit(1, amount).build()), List.of(expecting("ep_1", 10_000)), List.of()))
          .as("%d", amount).containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", amount)),
              Rule.AMOUNT_DATE));
    }
    for (long amount : new long[] {9_949, 10_051}) {
      assertThat(engine.match(List.of(credit(1, amount).build()), List.of(expecting("ep_1", 10_000)), List.of()))
          .as("%d", amount).singleElement().isInstanceOf(Decision.Unmatched.class);
    }
  }

  @Test
  @DisplayName("100 basis points of 250,000 is 2,500, larger than the absolute 100, so 2,500 over still reconciles")
  void basisPoints() {
    MatchingEngine engine = new MatchingEngine(new Tolerance(100, 100), 0);
    assertThat(engine.match(List.of(credit(1, 252_500).build()), List.of(expecting("ep_1", 250_000)), List.of()))
        .singleElement().isInstanceOf(Reconciled.class);
    assertThat(engine.match(List.of(credit(1, 252_501).build()), List.of(expecting("ep_1", 250_000)), List.of()))
        .singleElement().isInstanceOf(Decision.Unmatched.class);
  }

  @Test
  @DisplayName("a referenced credit may go over the maximum by the tolerance and no further")
  void referenceOverByTolerance() {
    MatchingEngine engine = new MatchingEngine(new Tolerance(5, 0), 0);
    assertThat(engine.match(List.of(credit(1, 105).structured("INV-1").build()),
        List.of(withReference("ep_1", 100, "INV-1")), List.of()))
        .containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 105)), Rule.REFERENCE));
    assertThat(engine.match(List.of(credit(1, 106).structured("INV-1").build()),
        List.of(withReference("ep_1", 100, "INV-1")), List.of()))
        .singleElement().extracting(x -> ((Decision.Unmatched) x).reason()).isEqualTo("amount_mismatch");
  }

  @Test
  @DisplayName("covers and around: the larger of the absolute and relative allowance, exact when both are zero")
  void toleranceArithmetic() {
    assertThat(Tolerance.EXACT.covers(100, 100, 100)).isTrue();
    assertThat(Tolerance.EXACT.covers(99, 100, 100)).isFalse();
    assertThat(new Tolerance(3, 10).around(10_000)).isEqualTo(10);
    assertThat(new Tolerance(30, 10).around(10_000)).isEqualTo(30);
  }
}
