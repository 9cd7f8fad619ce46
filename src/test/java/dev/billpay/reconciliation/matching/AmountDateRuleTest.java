package dev.billpay.reconciliation.matching;

import static dev.billpay.reconciliation.matching.MatchingFixtures.DAY;
import static dev.billpay.reconciliation.matching.MatchingFixtures.credit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.debit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.expecting;
import static dev.billpay.reconciliation.matching.MatchingFixtures.outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.matching.Decision.Allocation;
import dev.billpay.reconciliation.matching.Decision.Reconciled;
import dev.billpay.reconciliation.matching.Decision.Rule;
import dev.billpay.reconciliation.matching.Decision.Unmatched;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The matching engine's amount and date rule, and the counterparty rule")
class AmountDateRuleTest {
  private final MatchingEngine engine = new MatchingEngine(Tolerance.EXACT, 0);

  @Test
  @DisplayName("the one expectation the amount completes inside its window reconciles")
  void amountInWindow() {
    assertThat(engine.match(List.of(credit(1, 12_345).on(DAY.plusDays(2)).build()),
        List.of(expecting("ep_1", 12_345)), List.of()))
        .containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 12_345)), Rule.AMOUNT_DATE));
  }

  @Test
  @DisplayName("a day after the window, or a different amount, is not a match")
  void outsideWindowOrAmount() {
    assertThat(engine.match(List.of(credit(1, 12_345).on(DAY.plusDays(3)).build(), credit(2, 12_344).build()),
        List.of(expecting("ep_1", 12_345)), List.of()))
        .extracting(x -> ((Unmatched) x).reason()).containsExactly("unmatched_credit", "unmatched_credit");
  }

  @Test
  @DisplayName("an amount range takes any amount inside it")
  void range() {
    Expectation range = expecting("ep_1", "cli_a", 9_000, 11_000, null, null, null);
    assertThat(engine.match(List.of(credit(1, 10_999).build()), List.of(range), List.of()))
        .containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 10_999)), Rule.AMOUNT_DATE));
  }

  @Test
  @DisplayName("two expectations of the same amount: the counterparty's account or name picks one")
  void counterpartyBreaksTheTie() {
    List<Expectation> open = List.of(expecting("ep_1", "cli_a", 500, 500, null, "Globex LLC", null),
        expecting("ep_2", "cli_a", 500, 500, null, null, "DE89 3704 0044 0532 0130 00"));
    assertThat(engine.match(List.of(credit(1, 500).from("", "DE89370400440532013000").build()), open, List.of()))
        .containsExactly(new Reconciled(0, List.of(new Allocation("ep_2", 500)), Rule.COUNTERPARTY));
    assertThat(engine.match(List.of(credit(1, 500).from("GLOBEX, LLC", "").build()), open, List.of()))
        .containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 500)), Rule.COUNTERPARTY));
  }

  @Test
  @DisplayName("two expectations of the same amount and no counterparty to tell them apart are ambiguous")
  void ambiguous() {
    assertThat(engine.match(List.of(credit(1, 500).build()),
        List.of(expecting("ep_1", 500), expecting("ep_2", "cli_b", 500, 500, null, null, null)), List.of()))
        .singleElement().isInstanceOfSatisfying(Unmatched.class, u -> {
          assertThat(u.reason()).isEqualTo("ambiguous_expected_payment");
          assertThat(u.detail()).contains("ep_1", "ep_2");
        });
  }

  @Test
  @DisplayName("an account on both sides decides alone: the same name with another account is not the counterparty")
  void accountDecides() {
    Expectation e = expecting("ep_1", "cli_a", 1_000, 1_000, null, "Initech", "111222333");
    assertThat(engine.match(List.of(credit(1, 400).from("Initech", "999888777").build()), List.of(e), List.of()))
        .singleElement().extracting(x -> ((Unmatched) x).reason()).isEqualTo("unmatched_credit");
  }

  @Test
  @DisplayName("without a reference, part of a known counterparty's expected amount reconciles by counterparty")
  void partialByCounterparty() {
    Expectation e = expecting("ep_1", "cli_a", 1_000, 1_000, null, "Initech", "111222333");
    List<Decision> d = engine.match(List.of(credit(1, 400).from("Initech", "111-222-333").build(),
        credit(2, 600).from("INITECH", "").build()), List.of(e), List.of());
    assertThat(d).containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 400)), Rule.COUNTERPARTY),
        new Reconciled(1, List.of(new Allocation("ep_1", 600)), Rule.COUNTERPARTY));
  }

  @Test
  @DisplayName("amounts go before counterparties over the whole list: a partial never takes what a later amount completes")
  void amountsBeforeCounterparties() {
    Expectation e = expecting("ep_1", "cli_a", 1_000, 1_000, null, "Initech", null);
    List<Decision> d = engine.match(List.of(credit(1, 400).from("Initech", "").build(),
        credit(2, 1_000).from("Initech", "").build()), List.of(e), List.of());
    assertThat(((Unmatched) d.get(0)).reason()).isEqualTo("unmatched_credit");
    assertThat(d.get(1)).isEqualTo(new Reconciled(1, List.of(new Allocation("ep_1", 1_000)), Rule.AMOUNT_DATE));
  }

  @Test
  @DisplayName("an outgoing expectation is reconciled by a debit; an unmatched debit is an exception of its own")
  void debits() {
    List<Decision> d = engine.match(List.of(debit(1, 7_700).build(), debit(2, 12).build()),
        List.of(outgoing(expecting("ep_out", 7_700))), List.of());
    assertThat(d.get(0)).isEqualTo(new Reconciled(0, List.of(new Allocation("ep_out", 7_700)), Rule.AMOUNT_DATE));
    assertThat(((Unmatched) d.get(1)).reason()).isEqualTo("unmatched_debit");
  }

  @Test
  @DisplayName("decisions come in input order, one per transaction that moves money, each naming its index")
  void order() {
    List<Decision> d = engine.match(List.of(credit(1, 1).build(), credit(2, 2).build(), credit(3, 3).build()),
        List.of(expecting("ep_2", 2)), List.of());
    assertThat(d).extracting(Decision::index).containsExactly(0, 1, 2);
  }
}
