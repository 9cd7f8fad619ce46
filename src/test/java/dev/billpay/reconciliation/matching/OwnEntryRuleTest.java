package dev.billpay.reconciliation.matching;

import static dev.billpay.reconciliation.matching.MatchingFixtures.DAY;
import static dev.billpay.reconciliation.matching.MatchingFixtures.credit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.debit;
import static dev.billpay.reconciliation.matching.MatchingFixtures.expecting;
import static dev.billpay.reconciliation.matching.MatchingFixtures.fileSettlement;
import static dev.billpay.reconciliation.matching.MatchingFixtures.returnSettlement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The matching engine's first rule: our own entries")
class OwnEntryRuleTest {
  private final MatchingEngine engine = new MatchingEngine(Tolerance.EXACT, 1);

  @Test
  @DisplayName("an ACH settlement credit of a file's exact total within the window settles that file")
  void settlementCreditSettlesItsFile() {
    OwnEntry file = fileSettlement("cf_1", 930_000, DAY.minusDays(1));
    List<Decision> d = engine.match(List.of(credit(1, 930_000).family(Family.ACH_SETTLEMENT).build()), List.of(),
        List.of(file));
    assertThat(d).containsExactly(new Decision.Settled(0, file, Decision.Rule.OWN_ENTRY));
  }

  @Test
  @DisplayName("one minor unit off, a day outside the window, or a transfer's code is not the file's settlement")
  void exactAmountWindowAndCode() {
    OwnEntry file = fileSettlement("cf_1", 930_000, DAY);
    assertThat(engine.match(List.of(
            credit(1, 930_001).family(Family.ACH_SETTLEMENT).build(),
            credit(2, 930_000).family(Family.ACH_SETTLEMENT).on(DAY.plusDays(2)).build(),
            credit(3, 930_000).build()), List.of(), List.of(file)))
        .extracting(x -> ((Decision.Unmatched) x).reason())
        .containsExactly("no_matching_clearing_file", "no_matching_clearing_file", "unmatched_credit");
  }

  @Test
  @DisplayName("a transaction quoting our entry's reference settles it whatever the bank's code and date")
  void quotedReferenceSettles() {
    OwnEntry file = fileSettlement("cf_01KQ", 5_000, DAY.minusDays(20));
    assertThat(engine.match(List.of(credit(1, 5_000).remittance("OFFSET FOR CF_01KQ").build()), List.of(),
        List.of(file))).containsExactly(new Decision.Settled(0, file, Decision.Rule.OWN_ENTRY));
  }

  @Test
  @DisplayName("a file of debits and credits has a credit and a debit settlement under one id, each settled once")
  void bothSidesOfOneFile() {
    OwnEntry in = fileSettlement("cf_1", 10_000, DAY);
    OwnEntry out = new OwnEntry("cf_1", OwnEntry.Kind.CLEARING_FILE_SETTLEMENT, Flow.DEBIT, 2_500, "USD", DAY, "cf_1");
    List<Decision> d = engine.match(List.of(credit(1, 10_000).family(Family.ACH_SETTLEMENT).build(),
        debit(2, 2_500).family(Family.ACH_SETTLEMENT).build()), List.of(), List.of(in, out));
    assertThat(d).containsExactly(new Decision.Settled(0, in, Decision.Rule.OWN_ENTRY),
        new Decision.Settled(1, out, Decision.Rule.OWN_ENTRY));
  }

  @Test
  @DisplayName("two files of the same total on the same day are ambiguous: a person picks")
  void ambiguousFiles() {
    Decision d = engine.match(List.of(credit(1, 700).family(Family.ACH_SETTLEMENT).build()), List.of(),
        List.of(fileSettlement("cf_1", 700, DAY), fileSettlement("cf_2", 700, DAY))).get(0);
    assertThat(d).isInstanceOfSatisfying(Decision.Unmatched.class, u -> {
      assertThat(u.reason()).isEqualTo("ambiguous_own_entry");
      assertThat(u.detail()).contains("cf_1", "cf_2");
    });
  }

  @Test
  @DisplayName("the same settlement reported twice settles once; the second names the first line")
  void duplicateSettlement() {
    OwnEntry file = fileSettlement("cf_1", 700, DAY);
    List<Decision> d = engine.match(List.of(credit(4, 700).family(Family.ACH_SETTLEMENT).build(),
        credit(9, 700).family(Family.ACH_SETTLEMENT).build()), List.of(expecting("ep_1", 700)), List.of(file));
    assertThat(d.get(0)).isInstanceOf(Decision.Settled.class);
    assertThat(d.get(1)).isInstanceOfSatisfying(Decision.Unmatched.class, u -> {
      assertThat(u.reason()).isEqualTo("duplicate_match");
      assertThat(u.detail()).contains("line 4");
    });
  }

  @Test
  @DisplayName("a return's settlement debit settles the returned payment, before any expected debit is tried")
  void returnSettlementDebit() {
    OwnEntry returned = returnSettlement("pay_1", 4_210, DAY.minusDays(1), "091000019000123");
    List<Decision> d = engine.match(List.of(debit(1, 4_210).family(Family.ACH_RETURN).build()),
        List.of(MatchingFixtures.outgoing(expecting("ep_out", 4_210))), List.of(returned));
    assertThat(d).containsExactly(new Decision.Settled(0, returned, Decision.Rule.OWN_ENTRY));
  }

  @Test
  @DisplayName("a reversal settles only a reversal of ours; any other is an exception, never an expected payment")
  void reversals() {
    OwnEntry ours = new OwnEntry("pay_9", OwnEntry.Kind.REVERSAL, Flow.DEBIT, 300, "USD", DAY, null);
    List<Decision> d = engine.match(List.of(debit(1, 300).reversal().build(), credit(2, 800).reversal().build()),
        List.of(expecting("ep_1", 800)), List.of(ours));
    assertThat(d.get(0)).isEqualTo(new Decision.Settled(0, ours, Decision.Rule.OWN_ENTRY));
    assertThat(((Decision.Unmatched) d.get(1)).reason()).isEqualTo("unmatched_reversal");
  }

  @Test
  @DisplayName("a line that moves no money gives no decision; one that moves money without a direction is unclassified")
  void linesWithoutDirection() {
    List<Decision> d = engine.match(List.of(credit(1, 0).flow(Flow.NONE).build(),
        credit(2, 55).flow(Flow.NONE).build()), List.of(), List.of());
    assertThat(d).singleElement().isInstanceOfSatisfying(Decision.Unmatched.class, u -> {
      assertThat(u.index()).isEqualTo(1);
      assertThat(u.reason()).isEqualTo("unclassified_transaction");
    });
  }

  @Test
  @DisplayName("own entries must be unique by kind, flow and id")
  void uniqueEntries() {
    assertThatThrownBy(() -> engine.match(List.of(), List.of(),
        List.of(fileSettlement("cf_1", 1, DAY), fileSettlement("cf_1", 2, DAY))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
