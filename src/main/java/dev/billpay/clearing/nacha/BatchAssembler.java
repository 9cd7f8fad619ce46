package dev.billpay.clearing.nacha;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch being read: collects its entries with their addenda, applies the entry rules and
 * compares its batch control with the batch as read.
 */
final class BatchAssembler {
  private final BatchHeader header;
  private final List<NachaProblem> problems;
  private final List<EntryDetail> entries = new ArrayList<>();
  private boolean damaged;
  private EntryDetail previous;
  private RecordParser.ParsedEntry pending;
  private int pendingLine;
  private final List<Addenda> pendingAddenda = new ArrayList<>();

  /** {@code header} is {@code null} when the batch header could not be read. */
  BatchAssembler(BatchHeader header, List<NachaProblem> problems) {
    this.header = header;
    this.problems = problems;
    this.damaged = header == null;
  }

  void entry(FieldReader fields) {
    finishPending();
    RecordParser.ParsedEntry parsed = RecordParser.entry(fields);
    if (parsed == null) {
      damaged = true;
      return;
    }
    pending = parsed;
    pendingLine = fields.lineNumber();
  }

  void addenda(FieldReader fields) {
    RecordParser.ParsedAddenda parsed = RecordParser.addenda(fields);
    if (pending == null) {
      if (!damaged) {
        fields.problem("recordType", "an addenda record (7) must follow an entry detail (6)");
      }
      damaged = true;
      return;
    }
    if (parsed == null) {
      damaged = true;
      return;
    }
    if (!pending.addendaIndicator()) {
      fields.problem("addendaIndicator", "the entry before this addenda says it has none");
    }
    String trace = pending.entry().traceNumber();
    if (parsed.addenda() instanceof Addenda.PaymentInfo) {
      if (parsed.sequence() != pendingAddenda.size() + 1) {
        fields.problem("addendaSequenceNumber", "must be " + (pendingAddenda.size() + 1));
      }
      if (!parsed.entryReference().equals(trace.substring(8))) {
        fields.problem("entryDetailSequenceNumber",
            "must be the last 7 digits of the entry's trace number");
      }
    } else if (!parsed.entryReference().equals(trace)) {
      fields.problem("traceNumber", "must repeat the entry's trace number");
    }
    pendingAddenda.add(parsed.addenda());
  }

  /** Checks the batch control on {@code fields}; the batch, or {@code null} if it was unreadable. */
  Batch close(FieldReader fields) {
    finishPending();
    BatchControl found = RecordParser.batchControl(fields);
    if (damaged || found == null) {
      return null;
    }
    BatchControl computed = BatchControl.of(header, entries);
    Compare compare = new Compare(fields);
    compare.sameAsHeader("serviceClassCode", found.serviceClass(), header.serviceClass());
    compare.numbers("entryAddendaCount", found.entryAddendaCount(),
        computed.entryAddendaCount(), 6);
    compare.numbers("entryHash", found.entryHash(), computed.entryHash(), 10);
    compare.numbers("totalDebit", found.totalDebitCents(), computed.totalDebitCents(), 12);
    compare.numbers("totalCredit", found.totalCreditCents(), computed.totalCreditCents(), 12);
    compare.sameAsHeader("companyId", found.companyId(), header.companyId());
    compare.sameAsHeader("odfiId", found.odfiId(), header.odfiId());
    compare.sameAsHeader("batchNumber", found.batchNumber(), header.batchNumber());
    return new Batch(header, entries);
  }

  private void finishPending() {
    if (pending == null) {
      return;
    }
    if (pending.addendaIndicator() && pendingAddenda.isEmpty()) {
      problem("addendaIndicator", "is 1 but no addenda record follows");
    }
    EntryDetail entry = pending.entry().withAddenda(pendingAddenda);
    pending = null;
    pendingAddenda.clear();
    if (header != null) {
      List<EntryRules.Violation> violations = new ArrayList<>(EntryRules.check(header, entry));
      violations.addAll(EntryRules.checkOrder(previous, entry));
      for (EntryRules.Violation violation : violations) {
        problem(violation.field(), violation.message());
      }
    }
    entries.add(entry);
    previous = entry;
  }

  private void problem(String field, String message) {
    problems.add(new NachaProblem(pendingLine, field, message));
  }
}
