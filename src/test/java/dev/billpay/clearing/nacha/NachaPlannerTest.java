package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

@DisplayName("NACHA file planner")
class NachaPlannerTest {
  private static final OffsetAccount SETTLEMENT = new OffsetAccount("091000019", "100200300",
      false);
  private static final List<Character> MODIFIERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".chars().mapToObj(c -> (char) c).toList();

  /** A batch of orders with the line limit they are planned against. */
  private record Scenario(List<PaymentOrder> orders, int maxLines, boolean balanced) {
    @Override
    public String toString() {
      return orders.size() + " orders, " + maxLines + " lines max, balanced " + balanced;
    }
  }

  @Test
  @DisplayName("no planned file exceeds its line limit and every order lands in exactly one file")
  void splits() {
    qt().withExamples(100).forAll(scenarios()).checkAssert(scenario -> {
      NachaPlanner.Plan plan = NachaPlanner.plan(scenario.orders(),
          settings(scenario.balanced() ? SETTLEMENT : null, scenario.maxLines()), MODIFIERS, 1);
      Map<String, Integer> seen = new HashMap<>();
      for (NachaPlanner.PlannedFile planned : plan.files()) {
        String text = NachaWriter.write(planned.file());
        assertThat(text.lines().count()).isLessThanOrEqualTo(scenario.maxLines());
        NachaFile read = NachaRoundTripPropertiesTest.read(text).orElseThrow();
        Map<String, EntryDetail> byTrace = new HashMap<>();
        read.entries().forEach(entry -> byTrace.put(entry.traceNumber(), entry));
        planned.traceNumbers().forEach((reference, trace) -> {
          seen.merge(reference, 1, Integer::sum);
          assertThat(byTrace).containsKey(trace);
        });
        int offsets = scenario.balanced() ? read.batches().size() : 0;
        assertThat(read.entries().size()).isBetween(planned.traceNumbers().size(),
            planned.traceNumbers().size() + offsets);
      }
      assertThat(seen).hasSize(scenario.orders().size());
      assertThat(seen.values()).containsOnly(1);
      assertThat(plan.nextTraceSequence()).isGreaterThan(scenario.orders().size());
    });
  }

  @Test
  @DisplayName("25,000 orders make three files of at most 10,000 lines each")
  void tenThousandLines() {
    List<PaymentOrder> orders = new ArrayList<>();
    CompanyBatch batch = CompanyBatch.web("BILLPAY INC", "1234567890", LocalDate.of(2025, 9, 16));
    for (int i = 0; i < 25_000; i++) {
      orders.add(order("P" + i, batch, 100 + i));
    }
    NachaPlanner.Plan plan = NachaPlanner.plan(orders, settings(SETTLEMENT, 10_000), MODIFIERS, 1);
    assertThat(plan.files()).hasSize(3);
    assertThat(plan.files()).extracting(f -> f.file().control().lineCount())
        .containsExactly(10_000, 10_000, 5_020);
    assertThat(plan.files()).extracting(f -> f.file().header().fileIdModifier())
        .containsExactly('A', 'B', 'C');
    // one batch header, control and offset entry per file: 9,995 orders fill a file exactly
    assertThat(plan.files().get(0).traceNumbers()).hasSize(9_995);
    assertThat(plan.nextTraceSequence()).isEqualTo(25_000 + 3 + 1);
  }

  @Test
  @DisplayName("a balanced batch ends with a credit to the settlement account for its debits")
  void offsetEntry() {
    CompanyBatch batch = CompanyBatch.web("BILLPAY INC", "1234567890", LocalDate.of(2025, 9, 16));
    NachaPlanner.Plan plan = NachaPlanner.plan(
        List.of(order("a", batch, 1_000), order("b", batch, 2_345)),
        settings(SETTLEMENT, 10_000), MODIFIERS, 41);
    Batch planned = plan.files().get(0).file().batches().get(0);
    assertThat(planned.header().serviceClass()).isEqualTo(ServiceClass.MIXED);
    EntryDetail offset = planned.entries().get(2);
    assertThat(offset.transactionCode()).isEqualTo(TransactionCode.CHECKING_CREDIT);
    assertThat(offset.amountCents()).isEqualTo(3_345);
    assertThat(offset.accountNumber()).isEqualTo("100200300");
    assertThat(offset.traceNumber()).isEqualTo("091000010000043");
    assertThat(planned.control().totalDebitCents()).isEqualTo(planned.control().totalCreditCents());
    assertThat(plan.files().get(0).traceNumbers())
        .containsEntry("a", "091000010000041").containsEntry("b", "091000010000042");
  }

  @Test
  @DisplayName("an unbalanced debit batch has service class 225 and no offset")
  void debitsOnly() {
    CompanyBatch batch = CompanyBatch.web("BILLPAY INC", "1234567890", LocalDate.of(2025, 9, 16));
    NachaPlanner.Plan plan = NachaPlanner.plan(List.of(order("a", batch, 1_000)),
        settings(null, 10_000), MODIFIERS, 1);
    Batch planned = plan.files().get(0).file().batches().get(0);
    assertThat(planned.header().serviceClass()).isEqualTo(ServiceClass.DEBITS_ONLY);
    assertThat(planned.entries()).hasSize(1);
  }

  @Test
  @DisplayName("orders are batched per company id, SEC code and effective date")
  void grouping() {
    LocalDate day = LocalDate.of(2025, 9, 16);
    CompanyBatch web = CompanyBatch.web("BILLPAY INC", "1234567890", day);
    CompanyBatch later = CompanyBatch.web("BILLPAY INC", "1234567890", day.plusDays(1));
    CompanyBatch other = CompanyBatch.web("OTHER CO", "1999999999", day);
    CompanyBatch ppd = new CompanyBatch("BILLPAY INC", "", "1234567890", SecCode.PPD, "BILLPAY",
        "", day);
    NachaFile file = NachaPlanner.plan(List.of(order("1", later, 1), order("2", web, 1),
        order("3", other, 1), order("4", ppd, 1), order("5", web, 1)), settings(null, 10_000),
        MODIFIERS, 1).files().get(0).file();
    assertThat(file.batches()).extracting(b -> b.entries().size()).containsExactly(2, 1, 1, 1);
    assertThat(file.batches()).extracting(b -> b.header().batchNumber())
        .containsExactly(1, 2, 3, 4);
    assertThat(file.batches().get(3).header().effectiveEntryDate()).isEqualTo(day.plusDays(1));
  }

  @Test
  @DisplayName("refuses orders that disagree on the header of their batch, or too few modifiers")
  void refusals() {
    LocalDate day = LocalDate.of(2025, 9, 16);
    CompanyBatch one = CompanyBatch.web("BILLPAY INC", "1234567890", day);
    CompanyBatch renamed = CompanyBatch.web("BILLPAY LLC", "1234567890", day);
    assertThatThrownBy(() -> NachaPlanner.plan(List.of(order("1", one, 1), order("2", renamed, 1)),
        settings(null, 10_000), MODIFIERS, 1)).isInstanceOf(NachaFormatException.class);
    List<PaymentOrder> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(order("p" + i, one, 1));
    }
    assertThatThrownBy(() -> NachaPlanner.plan(many, settings(null, 10), List.of('A', 'B'), 1))
        .isInstanceOf(NachaFormatException.class).hasMessageContaining("fileIdModifiers");
    assertThatThrownBy(() -> NachaPlanner.plan(many, settings(null, 10_000), MODIFIERS,
        9_999_990)).isInstanceOf(NachaFormatException.class).hasMessageContaining("exhausted");
  }

  private static Gen<Scenario> scenarios() {
    return source -> {
      int maxLines = 10 * NachaGen.between(source, 1, 30);
      boolean balanced = NachaGen.between(source, 0, 1) == 0;
      List<CompanyBatch> batches = new ArrayList<>();
      for (int i = NachaGen.between(source, 1, 5); i > 0; i--) {
        batches.add(new CompanyBatch(NachaGen.text(source, 1, 16), "", "1" + NachaGen.digits(
            source, 9), i % 2 == 0 ? SecCode.PPD : SecCode.WEB, "BILLPAY", "",
            NachaGen.date(source)));
      }
      // at most three orders per line of the limit: enough for several files, never more files
      // than the 36 file id modifiers
      int count = NachaGen.between(source, 1, 3 * maxLines);
      List<PaymentOrder> orders = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        orders.add(randomOrder(source, "r" + i,
            batches.get(NachaGen.between(source, 0, batches.size() - 1))));
      }
      return new Scenario(orders, maxLines, balanced);
    };
  }

  private static PaymentOrder randomOrder(RandomnessSource source, String reference,
      CompanyBatch batch) {
    EntryDetail e = NachaGen.entry(source, new TransactionCode[] {TransactionCode.CHECKING_DEBIT,
        TransactionCode.SAVINGS_DEBIT}, batch.secCode(), 1, EntryDetail.MAX_AMOUNT_CENTS);
    return new PaymentOrder(reference, batch, e.transactionCode(), e.rdfiRouting(),
        e.accountNumber(), e.amountCents(), e.individualId(), e.individualName(),
        e.discretionaryData());
  }

  private static PaymentOrder order(String reference, CompanyBatch batch, long amount) {
    return new PaymentOrder(reference, batch, TransactionCode.CHECKING_DEBIT, "021000021",
        "123456789", amount, reference, "JANE DOE", "S");
  }

  static NachaPlanner.Settings settings(OffsetAccount offset, int maxLines) {
    return new NachaPlanner.Settings(" 091000019", "1234567890", "WELLS FARGO BANK",
        "BILLPAY INC", "", LocalDateTime.of(2025, 9, 15, 10, 30), "09100001", offset, maxLines);
  }
}
