package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("Return file builder")
class ReturnFileBuilderTest {
  private static final LocalDateTime RETURNED_AT = LocalDateTime.of(2025, 9, 18, 6, 0);
  private static final List<String> R_CODES = List.copyOf(ReturnCodes.returnCodes().keySet());
  private static final List<String> C_CODES = List.copyOf(ReturnCodes.changeCodes().keySet());

  /** An outgoing file and what the bank does to some of its entries. */
  private record Scenario(NachaFile file, Map<String, String> returns,
      Map<String, String> corrections) {
    @Override
    public String toString() {
      return NachaGen.describe(file) + "; " + returns.size() + " returns, " + corrections.size()
          + " NOCs";
    }
  }

  @Test
  @DisplayName("a built return file reads back with exactly the chosen entries and their codes")
  void returnsComeBack() {
    qt().withExamples(40).forAll(scenarios()).checkAssert(scenario -> {
      ReturnFileBuilder builder = new ReturnFileBuilder(scenario.file());
      scenario.returns().forEach(builder::returnEntry);
      scenario.corrections().forEach((trace, code) ->
          builder.notifyChange(trace, code, "CORRECTED " + code));
      NachaFile built = builder.build(RETURNED_AT, 'R');
      NachaFile read = NachaRoundTripPropertiesTest.read(NachaWriter.write(built)).orElseThrow();

      Map<String, String> returns = new HashMap<>();
      Map<String, String> corrections = new HashMap<>();
      Map<String, EntryDetail> originals = new HashMap<>();
      scenario.file().entries().forEach(e -> originals.put(e.traceNumber(), e));
      for (Batch batch : read.batches()) {
        for (EntryDetail entry : batch.entries()) {
          assertThat(entry.addenda()).hasSize(1);
          if (entry.addenda().get(0) instanceof Addenda.Return ret) {
            assertThat(batch.header().secCode()).isNotEqualTo(SecCode.COR);
            returns.put(ret.originalTrace(), ret.returnCode());
            EntryDetail original = originals.get(ret.originalTrace());
            assertThat(entry.amountCents()).isEqualTo(original.amountCents());
            assertThat(entry.accountNumber()).isEqualTo(original.accountNumber());
            assertThat(ret.originalRdfiId()).isEqualTo(original.rdfiId());
          } else {
            Addenda.Correction correction = (Addenda.Correction) entry.addenda().get(0);
            assertThat(batch.header().secCode()).isEqualTo(SecCode.COR);
            assertThat(entry.amountCents()).isZero();
            assertThat(correction.correctedData()).isEqualTo("CORRECTED " + correction.changeCode());
            corrections.put(correction.originalTrace(), correction.changeCode());
          }
          assertThat(entry.transactionCode()).isEqualTo(
              originals.get(originalTrace(entry)).transactionCode().returnCode());
          assertThat(entry.rdfiRouting()).startsWith(NachaGen.ODFI);
        }
      }
      assertThat(returns).isEqualTo(scenario.returns());
      assertThat(corrections).isEqualTo(scenario.corrections());
    });
  }

  @Test
  @DisplayName("a returned WEB debit comes back as code 26 from the RDFI, addressed to our ODFI")
  void goldenReturn() {
    NachaFile original = GoldenFile.model();
    NachaFile built = new ReturnFileBuilder(original)
        .returnEntry("091000010000001", "R01")
        .returnEntry("091000010000002", "R02")
        .notifyChange("091000010000003", "C01", "12345678")
        .build(RETURNED_AT, 'A');
    // NACHA's layout: a space and the 9-digit routing number (bTTTTAAAAC), in both fields
    assertThat(built.header().immediateDestination()).isEqualTo(" 091000019");
    assertThat(built.header().immediateOrigin()).isEqualTo(" 021000021");
    assertThat(built.batches()).hasSize(3);
    Batch first = built.batches().get(0);
    assertThat(first.header().odfiId()).isEqualTo("02100002");
    assertThat(first.header().serviceClass()).isEqualTo(ServiceClass.DEBITS_ONLY);
    EntryDetail entry = first.entries().get(0);
    assertThat(entry.transactionCode()).isEqualTo(TransactionCode.CHECKING_RETURN_DEBIT);
    assertThat(entry.rdfiRouting()).isEqualTo("091000019");
    assertThat(entry.traceNumber()).isEqualTo("021000020000001");
    assertThat(built.batches().get(1).entries().get(0).transactionCode())
        .isEqualTo(TransactionCode.SAVINGS_RETURN_DEBIT);
    assertThat(built.batches().get(2).header().secCode()).isEqualTo(SecCode.COR);

    List<String> lines = NachaWriter.write(built).lines().toList();
    assertThat(lines.get(2)).isEqualTo("626091000019123456789        0000012345INV-1001       "
        + "JOSE ALVAREZ          S 1021000020000001");
    assertThat(lines.get(3)).isEqualTo("799R01091000010000001      02100002"
        + " ".repeat(44) + "021000020000001");
    assertThat(lines.get(11)).isEqualTo("798C01091000010000003      3222716212345678"
        + " ".repeat(21) + " ".repeat(15) + "322271620000003");
  }

  @Test
  @DisplayName("refuses unknown trace numbers, unknown codes and an entry both returned and corrected")
  void refusals() {
    ReturnFileBuilder builder = new ReturnFileBuilder(GoldenFile.model());
    assertThatThrownBy(() -> builder.returnEntry("091000010000001", "R48"))
        .isInstanceOf(NachaFormatException.class);
    assertThatThrownBy(() -> builder.notifyChange("091000010000001", "C14", ""))
        .isInstanceOf(NachaFormatException.class);
    builder.returnEntry("091000010000001", "R01");
    assertThatThrownBy(() -> builder.notifyChange("091000010000001", "C01", "1"))
        .isInstanceOf(NachaFormatException.class);
    assertThatThrownBy(() -> new ReturnFileBuilder(GoldenFile.model())
        .returnEntry("091000019999999", "R01").build(RETURNED_AT, 'A'))
        .isInstanceOf(NachaFormatException.class);
  }

  private static String originalTrace(EntryDetail entry) {
    Addenda addenda = entry.addenda().get(0);
    return addenda instanceof Addenda.Return ret ? ret.originalTrace()
        : ((Addenda.Correction) addenda).originalTrace();
  }

  private static Gen<Scenario> scenarios() {
    return source -> {
      NachaFile file = NachaGen.files().generate(source);
      Map<String, String> returns = new HashMap<>();
      Map<String, String> corrections = new HashMap<>();
      List<EntryDetail> entries = new ArrayList<>(file.entries());
      for (EntryDetail entry : entries) {
        int roll = NachaGen.between(source, 0, 9);
        if (roll == 0) {
          returns.put(entry.traceNumber(), R_CODES.get(NachaGen.between(source, 0,
              R_CODES.size() - 1)));
        } else if (roll == 1) {
          corrections.put(entry.traceNumber(), C_CODES.get(NachaGen.between(source, 0,
              C_CODES.size() - 1)));
        }
      }
      return new Scenario(file, returns, corrections);
    };
  }
}
