package dev.billpay.reconciliation.matching;

import static dev.billpay.reconciliation.matching.MatchingFixtures.DAY;
import static dev.billpay.reconciliation.matching.MatchingFixtures.credit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.debit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.expecting;
import static dev.billpay.reconciliation.matching.MatchingFixtures.partlyReconciled;
import static dev.billpay.reconciliation.matching.MatchingFixtures.withReference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.matching.Decision.Allocation;
import dev.billpay.reconciliation.matching.Decision.Reconciled;
import dev.billpay.reconciliation.matching.Decision.Rule;
import dev.billpay.reconciliation.matching.Decision.Unmatched;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The matching engine's reference rule")
class ReferenceRuleTest {
  private final MatchingEngine engine = new MatchingEngine(Tolerance.EXACT, 0);

  @Test
  @DisplayName("a credit quoting an expected payment's reference reconciles it, whatever its date")
  void referenceReconciles() {
    List<Decision> d = engine.match(List.of(credit(1, 25_000).endToEnd("inv-77").on(DAY.plusDays(30)).build()),
        List.of(withReference("ep_1", 25_000, "INV-77"), expecting("ep_2", 25_000)), List.of());
    assertThat(d).containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 25_000)), Rule.REFERENCE));
  }

  @Test
  @DisplayName("the reference is found in structured references, remittance text and the bank reference alike")
  void everyReferenceField() {
    List<Expectation> open = List.of(withReference("ep_1", 100, "INV-1"), withReference("ep_2", 200, "INV-2"),
        withReference("ep_3", 300, "INV-3"));
    List<Decision> d = engine.match(List.of(credit(1, 100).structured("INV-1").build(),
        credit(2, 200).remittance("Payment for invoice INV-2, thanks").build(),
        credit(3, 300).bankReference("INV-3").build()), open, List.of());
    assertThat(d).extracting(x -> ((Reconciled) x).allocations().get(0).expectationId())
        .containsExactly("ep_1", "ep_2", "ep_3");
  }

  @Test
  @DisplayName("less than expected reconciles part of it; a second credit completes it (many to one)")
  void partialThenComplete() {
    List<Decision> d = engine.match(List.of(credit(1, 40_000).structured("INV-9").build(),
        credit(2, 60_000).structured("INV-9").build()), List.of(withReference("ep_1", 100_000, "INV-9")), List.of());
    assertThat(d).containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 40_000)), Rule.REFERENCE),
        new Reconciled(1, List.of(new Allocation("ep_1", 60_000)), Rule.REFERENCE));
  }

  @Test
  @DisplayName("an expectation partly reconciled by an earlier file takes only what it still lacks")
  void earlierFilesCount() {
    Expectation half = partlyReconciled(withReference("ep_1", 100_000, "INV-9"), 50_000);
    assertThat(engine.match(List.of(credit(1, 50_001).structured("INV-9").build()), List.of(half), List.of()))
        .singleElement().isInstanceOfSatisfying(Unmatched.class, u -> {
          assertThat(u.reason()).isEqualTo("amount_mismatch");
          assertThat(u.detail()).contains("50000 USD more");
        });
    assertThat(engine.match(List.of(credit(1, 50_000).structured("INV-9").build()), List.of(half), List.of()))
        .containsExactly(new Reconciled(0, List.of(new Allocation("ep_1", 50_000)), Rule.REFERENCE));
  }

  @Test
  @DisplayName("one credit naming several invoices of a client covers each in the order named (one to many)")
  void oneCreditSeveralInvoices() {
    List<Decision> d = engine.match(List.of(credit(1, 350).structured("INV-2", "INV-1").build()),
        List.of(withReference("ep_1", 100, "INV-1"), withReference("ep_2", 250, "INV-2")), List.of());
    assertThat(d).containsExactly(new Reconciled(0,
        List.of(new Allocation("ep_2", 250), new Allocation("ep_1", 100)), Rule.REFERENCE));
  }

  @Test
  @DisplayName("a credit short of several named invoices fills each one's minimum in the order named")
  void oneCreditShortOfSeveral() {
    List<Decision> d = engine.match(List.of(credit(1, 300).structured("INV-1", "INV-2").build()),
        List.of(withReference("ep_1", 200, "INV-1"), withReference("ep_2", 200, "INV-2")), List.of());
    assertThat(d).containsExactly(new Reconciled(0,
        List.of(new Allocation("ep_1", 200), new Allocation("ep_2", 100)), Rule.REFERENCE));
  }

  @Test
  @DisplayName("a reference two clients both use, or two expectations share, is ambiguous: no client's is touched")
  void sharedReferenceIsAmbiguous() {
    List<Decision> d = engine.match(List.of(credit(1, 500).structured("ORDER-5").build()),
        List.of(expecting("ep_a", "cli_a", 500, 500, "ORDER-5", null, null),
            expecting("ep_b", "cli_b", 500, 500, "ORDER-5", null, null)), List.of());
    assertThat(d).singleElement().isInstanceOfSatisfying(Unmatched.class,
        u -> assertThat(u.reason()).isEqualTo("ambiguous_expected_payment"));
  }

  @Test
  @DisplayName("more than the named expectations can take is an amount mismatch, and takes nothing")
  void tooMuch() {
    List<Decision> d = engine.match(List.of(credit(1, 101).structured("INV-1").build(), credit(2, 100).build()),
        List.of(withReference("ep_1", 100, "INV-1")), List.of());
    assertThat(((Unmatched) d.get(0)).reason()).isEqualTo("amount_mismatch");
    assertThat(d.get(1)).isEqualTo(new Reconciled(1, List.of(new Allocation("ep_1", 100)), Rule.AMOUNT_DATE));
  }

  @Test
  @DisplayName("a reference in another currency is a currency mismatch")
  void currencyMismatch() {
    assertThat(engine.match(List.of(credit(1, 100).currency("EUR").structured("INV-1").build()),
        List.of(withReference("ep_1", 100, "INV-1")), List.of()))
        .singleElement().extracting(x -> ((Unmatched) x).reason()).isEqualTo("currency_mismatch");
  }

  @Test
  @DisplayName("a second credit naming an expectation the first completed is a duplicate, naming the first line")
  void paidTwice() {
    List<Decision> d = engine.match(List.of(credit(3, 100).structured("INV-1").build(),
        credit(7, 100).structured("INV-1").build()), List.of(withReference("ep_1", 100, "INV-1")), List.of());
    assertThat(d.get(1)).isInstanceOfSatisfying(Unmatched.class, u -> {
      assertThat(u.reason()).isEqualTo("duplicate_match");
      assertThat(u.detail()).contains("line 3");
    });
  }

  @Test
  @DisplayName("references go first over the whole list: an earlier unreferenced credit never takes a named one")
  void referencesBeforeAmounts() {
    List<Decision> d = engine.match(List.of(credit(1, 100).build(), credit(2, 100).structured("INV-1").build()),
        List.of(withReference("ep_1", 100, "INV-1")), List.of());
    assertThat(((Unmatched) d.get(0)).reason()).isEqualTo("unmatched_credit");
    assertThat(d.get(1)).isEqualTo(new Reconciled(1, List.of(new Allocation("ep_1", 100)), Rule.REFERENCE));
  }

  @Test
  @DisplayName("a debit quoting an outgoing expectation's reference reconciles it; a credit never takes an outgoing one")
  void flowsStayApart() {
    Expectation out = MatchingFixtures.outgoing(withReference("ep_out", 900, "PO-3"));
    List<Decision> d = engine.match(List.of(credit(1, 900).structured("PO-3").build(),
        debit(2, 900).structured("PO-3").build()), List.of(out), List.of());
    assertThat(((Unmatched) d.get(0)).reason()).isEqualTo("unmatched_credit");
    assertThat(d.get(1)).isEqualTo(new Reconciled(1, List.of(new Allocation("ep_out", 900)), Rule.REFERENCE));
  }
}
