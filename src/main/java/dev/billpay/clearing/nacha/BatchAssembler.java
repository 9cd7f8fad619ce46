package dev.billpay.clearing.nacha;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One batch being read, with the ACH Operator's edit levels: a problem of the batch (its header,
 * its control totals, an entry it cannot count) sets the whole batch aside; a problem of one entry
 * or its addenda sets that entry aside; the rest stands. Each record reports its own first cause,
 * never the consequences in the records after it.
 */
final class BatchAssembler {
  /** What the batch control closed: the batch as read, or the batch set aside. */
  record Closed(Batch batch, List<Integer> entryLines, List<SetAsideEntry> setAsideEntries,
      SetAsideBatch setAside) {}

  private final BatchHeader header;
  private final int headerLine;
  private final String secCode;
  private final String batchNumber;
  private final List<NachaProblem> batchProblems = new ArrayList<>();
  private final List<EntryDetail> entries = new ArrayList<>();
  private final List<Integer> entryLines = new ArrayList<>();
  private final List<SetAsideEntry> setAsideEntries = new ArrayList<>();
  private final BatchTotals totals = new BatchTotals();
  private boolean allReturns = true;
  private EntryDetail previous;
  private PendingEntry pending;

  /** {@code previousBatchNumber}: the last readable batch number before this one. */
  BatchAssembler(FieldReader fields, int previousBatchNumber) {
    headerLine = fields.lineNumber();
    secCode = fields.raw(51, 53);
    batchNumber = fields.raw(88, 94);
    header = RecordParser.batchHeader(fields);
    if (header != null && header.batchNumber() <= previousBatchNumber) {
      fields.problem("batchNumber", "must ascend within the file");
    }
    batchProblems.addAll(fields.problems());
  }

  /** A batch whose header record could not be read at all (its problem is the file's). */
  private BatchAssembler(int headerLine) {
    this.headerLine = headerLine;
    this.secCode = "";
    this.batchNumber = "";
    this.header = null;
  }

  static BatchAssembler unreadable(int headerLine) {
    return new BatchAssembler(headerLine);
  }

  /** Every problem found so far, for a batch that will never be closed. */
  List<NachaProblem> problemsSoFar() {
    List<NachaProblem> all = new ArrayList<>(batchProblems);
    setAsideEntries.forEach(e -> all.addAll(e.problems()));
    if (pending != null) {
      all.addAll(pending.problems);
    }
    return all;
  }

  /** The batch header, or {@code null} when it was unreadable. */
  BatchHeader header() {
    return header;
  }

  BatchTotals totals() {
    return totals;
  }

  int problemCount() {
    return batchProblems.size() + setAsideEntries.size()
        + (pending == null ? 0 : pending.problems.size());
  }

  void entry(FieldReader fields) {
    finishPending();
    RecordParser.ParsedEntry parsed = RecordParser.entry(fields);
    TransactionCode code = TransactionCode.parse(fields.raw(2, 3)).orElse(null);
    if (!totals.add(code, fields.raw(4, 11), fields.raw(30, 39))) {
      // without its code, RDFI id or amount the batch control cannot be checked: a batch reject
      batchProblems.addAll(fields.problems());
      pending = PendingEntry.uncounted(fields.lineNumber());
      return;
    }
    allReturns &= code.isReturnOrNotification();
    pending = new PendingEntry(fields.lineNumber(), parsed, fields.raw(80, 94),
        Long.parseLong(fields.raw(30, 39)), fields.problems());
  }

  void addenda(FieldReader fields) {
    totals.addAddenda();
    if (pending == null) {
      batchProblems.add(new NachaProblem(fields.lineNumber(), "recordType",
          "an addenda record (7) must follow an entry detail (6)"));
      return;
    }
    RecordParser.ParsedAddenda parsed = RecordParser.addenda(fields);
    pending.addendaRecords++;
    if (Check.isDigits(fields.raw(7, 21), 15) && fields.raw(2, 2).equals("9")) {
      pending.originalTrace = fields.raw(7, 21); // for the exception, even if the rest is unreadable
    }
    if (parsed != null && pending.parsed != null) {
      checkAgainstEntry(fields, parsed, pending);
      pending.addenda.add(parsed.addenda());
    }
    (pending.counted ? pending.problems : batchProblems).addAll(fields.problems());
  }

  private static void checkAgainstEntry(FieldReader fields, RecordParser.ParsedAddenda parsed,
      PendingEntry entry) {
    if (!entry.parsed.addendaIndicator()) {
      fields.problem("addendaIndicator", "the entry before this addenda says it has none");
    }
    String trace = entry.parsed.entry().traceNumber();
    if (parsed.addenda() instanceof Addenda.PaymentInfo) {
      if (parsed.sequence() != entry.addenda.size() + 1) {
        fields.problem("addendaSequenceNumber", "must be " + (entry.addenda.size() + 1));
      }
      if (!parsed.entryReference().equals(trace.substring(8))) {
        fields.problem("entryDetailSequenceNumber",
            "must be the last 7 digits of the entry's trace number");
      }
    } else if (!(parsed.addenda() instanceof Addenda.Other)
        && !parsed.entryReference().equals(trace)) {
      fields.problem("traceNumber", "must repeat the entry's trace number");
    }
  }

  /** Checks the batch control on {@code fields} against the batch as read. */
  Closed close(FieldReader fields) {
    finishPending();
    BatchControl found = RecordParser.batchControl(fields);
    if (header != null && header.effectiveEntryDate() == null && !operatorSkipsDate()) {
      batchProblems.add(new NachaProblem(headerLine, "effectiveEntryDate",
          "must be a date as YYMMDD"));
    }
    if (header != null && found != null && totals.known()) {
      compare(fields, found);
    }
    batchProblems.addAll(fields.problems());
    if (header == null || found == null || !batchProblems.isEmpty()) {
      return new Closed(null, List.of(), List.of(), setAside(fields.lineNumber()));
    }
    return new Closed(new Batch(header, entries), entryLines, setAsideEntries, null);
  }

  /** The ACH Operator does not edit the effective entry date of return and COR batches. */
  private boolean operatorSkipsDate() {
    return header.secCode() == SecCode.COR || (allReturns && totals.entries() > 0);
  }

  private void compare(FieldReader fields, BatchControl found) {
    BatchControl computed = totals.control(header);
    Compare compare = new Compare(fields);
    compare.sameAsHeader("serviceClassCode", found.serviceClass(), header.serviceClass());
    compare.numbers("entryAddendaCount", found.entryAddendaCount(),
        computed.entryAddendaCount(), 6);
    compare.numbers("entryHash", found.entryHash(), computed.entryHash(), 10);
    compare.numbers("totalDebit", found.totalDebitCents(), computed.totalDebitCents(), 12);
    compare.numbers("totalCredit", found.totalCreditCents(), computed.totalCreditCents(), 12);
    // company identification is not compared: the ACH Operator does not reject a batch for it
    // (banks write it left- or right-justified in the control)
    compare.sameAsHeader("odfiId", found.odfiId(), header.odfiId());
    compare.sameAsHeader("batchNumber", found.batchNumber(), header.batchNumber());
  }

  private SetAsideBatch setAside(int controlLine) {
    List<NachaProblem> all = new ArrayList<>(batchProblems);
    setAsideEntries.forEach(e -> all.addAll(e.problems()));
    all.sort(Comparator.comparingInt(NachaProblem::line));
    return new SetAsideBatch(headerLine, controlLine, secCode, batchNumber, totals.entries(), all);
  }

  private void finishPending() {
    PendingEntry entry = pending;
    pending = null;
    if (entry == null || !entry.counted) {
      return;
    }
    if (entry.parsed != null && entry.parsed.addendaIndicator() && entry.addendaRecords == 0) {
      entry.problems.add(new NachaProblem(entry.line, "addendaIndicator",
          "is 1 but no addenda record follows"));
    }
    if (entry.problems.isEmpty()) {
      EntryDetail detail = entry.parsed.entry().withAddenda(entry.addenda);
      if (check(entry, detail)) {
        entries.add(detail);
        entryLines.add(entry.line);
        previous = detail;
        return;
      }
    }
    setAsideEntries.add(entry.setAside());
  }

  /** The entry rules; a batch-level violation goes to the batch, the others to the entry. */
  private boolean check(PendingEntry entry, EntryDetail detail) {
    if (header == null) {
      return true; // the batch is set aside for its header; the rules need the header
    }
    List<EntryRules.Violation> violations = new ArrayList<>(EntryRules.check(header, detail));
    violations.addAll(EntryRules.checkOrder(previous, detail));
    for (EntryRules.Violation v : violations) {
      (v.batchLevel() ? batchProblems : entry.problems)
          .add(new NachaProblem(entry.line, v.field(), v.message()));
    }
    return violations.stream().noneMatch(v -> !v.batchLevel());
  }

  /** An entry detail read, waiting for its addenda. */
  private static final class PendingEntry {
    final int line;
    final boolean counted;
    final RecordParser.ParsedEntry parsed;
    final String trace;
    final long amount;
    final List<NachaProblem> problems;
    final List<Addenda> addenda = new ArrayList<>();
    int addendaRecords;
    String originalTrace;

    PendingEntry(int line, RecordParser.ParsedEntry parsed, String trace, long amount,
        List<NachaProblem> problems) {
      this(line, true, parsed, trace, amount, problems);
    }

    private PendingEntry(int line, boolean counted, RecordParser.ParsedEntry parsed, String trace,
        long amount, List<NachaProblem> problems) {
      this.line = line;
      this.counted = counted;
      this.parsed = parsed;
      this.trace = trace;
      this.amount = amount;
      this.problems = new ArrayList<>(problems);
    }

    static PendingEntry uncounted(int line) {
      return new PendingEntry(line, false, null, null, 0, List.of());
    }

    SetAsideEntry setAside() {
      String readableTrace = Check.isDigits(trace, 15) ? trace : null;
      problems.sort(Comparator.comparingInt(NachaProblem::line));
      return new SetAsideEntry(line, readableTrace, originalTrace, amount, problems);
    }
  }
}
