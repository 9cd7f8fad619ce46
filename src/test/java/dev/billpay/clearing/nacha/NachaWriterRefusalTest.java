package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NACHA writer refusals")
class NachaWriterRefusalTest {

  @Test
  @DisplayName("writes the largest amount, 9,999,999,999 cents, and refuses one cent more")
  void amounts() {
    NachaFile largest = withFirstEntry(e -> entry(e, 9_999_999_999L, e.individualName()));
    assertThat(NachaWriter.write(largest).lines().toList().get(2).substring(29, 39))
        .isEqualTo("9999999999");
    assertThatThrownBy(() -> withFirstEntry(e -> entry(e, 10_000_000_000L, "X")))
        .isInstanceOf(NachaFormatException.class).hasMessageContaining("entry.amount");
  }

  @Test
  @DisplayName("refuses a name longer than its field after sanitizing, rather than cutting it")
  void longName() {
    NachaFile file = withFirstEntry(e -> entry(e, 1, "Maximiliane Straßenbauer"));
    assertThatThrownBy(() -> NachaWriter.write(file)).isInstanceOf(NachaFormatException.class)
        .hasMessage("entry.individualName: is longer than its 22-character field");
  }

  @Test
  @DisplayName("refuses identifiers that are not printable ASCII instead of changing them")
  void identifiers() {
    assertThatThrownBy(() -> new EntryDetail(TransactionCode.CHECKING_DEBIT, "021000021",
        "12345٦", 1, "", "", "", "091000010000001", List.of()))
        .isInstanceOf(NachaFormatException.class).hasMessageContaining("accountNumber");
  }

  @Test
  @DisplayName("refuses a credit in a debits-only batch, a bad check digit and unordered traces")
  void batchRules() {
    NachaFile credit = withFirstEntry(e -> new EntryDetail(TransactionCode.CHECKING_CREDIT,
        e.rdfiRouting(), e.accountNumber(), 1, "", "", "", e.traceNumber(), List.of()));
    assertThatThrownBy(() -> NachaWriter.write(credit)).hasMessageContaining("service class 225");
    NachaFile checkDigit = withFirstEntry(e -> new EntryDetail(e.transactionCode(), "021000022",
        e.accountNumber(), 1, "", "", "", e.traceNumber(), List.of()));
    assertThatThrownBy(() -> NachaWriter.write(checkDigit)).hasMessageContaining("checkDigit");
    NachaFile order = withFirstEntry(e -> e.withTraceNumber("091000010000009"));
    assertThatThrownBy(() -> NachaWriter.write(order)).hasMessageContaining("traceNumber");
    NachaFile foreign = withFirstEntry(e -> e.withTraceNumber("021000020000001"));
    assertThatThrownBy(() -> NachaWriter.write(foreign))
        .hasMessageContaining("originating DFI id");
  }

  @Test
  @DisplayName("writes nothing at all when it refuses a file")
  void nothingHalfWritten() {
    NachaFile file = withFirstEntry(e -> entry(e, 1, "A name that is far too long for NACHA"));
    StringWriter out = new StringWriter();
    assertThatThrownBy(() -> NachaWriter.write(file, out))
        .isInstanceOf(NachaFormatException.class);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  @DisplayName("refuses dates that YYMMDD cannot carry and file id modifiers outside A-Z, 0-9")
  void headerFields() {
    FileHeader h = GoldenFile.model().header();
    NachaFile old = new NachaFile(new FileHeader(h.immediateDestination(), h.immediateOrigin(),
        h.creationDate().withYear(1999), h.creationTime(), 'A', "", "", ""), List.of());
    assertThatThrownBy(() -> NachaWriter.write(old)).hasMessageContaining("file.creationDate");
    assertThatThrownBy(() -> new FileHeader(h.immediateDestination(), h.immediateOrigin(),
        h.creationDate(), h.creationTime(), 'a', "", "", ""))
        .hasMessageContaining("fileIdModifier");
    assertThatThrownBy(() -> new FileHeader("091000019", h.immediateOrigin(),
        h.creationDate(), h.creationTime(), 'A', "", "", ""))
        .hasMessageContaining("immediateDestination");
  }

  private static EntryDetail entry(EntryDetail e, long amount, String name) {
    return new EntryDetail(e.transactionCode(), e.rdfiRouting(), e.accountNumber(), amount,
        e.individualId(), name, e.discretionaryData(), e.traceNumber(), e.addenda());
  }

  private static NachaFile withFirstEntry(UnaryOperator<EntryDetail> change) {
    NachaFile golden = GoldenFile.model();
    Batch first = golden.batches().get(0);
    List<EntryDetail> entries = new ArrayList<>(first.entries());
    entries.set(0, change.apply(entries.get(0)));
    List<Batch> batches = new ArrayList<>(golden.batches());
    batches.set(0, new Batch(first.header(), entries));
    return new NachaFile(golden.header(), batches);
  }
}
