package dev.billpay.clearing.nacha;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills files batch by batch for {@link NachaPlanner}, starting a new file when the next record
 * would push the file past its line limit or a control total past its field.
 */
final class FileLayout {
  /** Batch and file control totals have 12 digits. */
  private static final long MAX_TOTAL = 999_999_999_999L;

  private final NachaPlanner.Settings settings;
  private final List<Character> modifiers;
  private final List<NachaPlanner.PlannedFile> files = new ArrayList<>();
  private long nextSequence;
  // the file being filled
  private final List<Batch> batches = new ArrayList<>();
  private final Map<String, String> traces = new LinkedHashMap<>();
  private int lines = 2;
  private long fileDebits;
  private long fileCredits;

  FileLayout(NachaPlanner.Settings settings, List<Character> modifiers, long firstSequence) {
    this.settings = settings;
    this.modifiers = modifiers;
    this.nextSequence = firstSequence;
  }

  long nextTraceSequence() {
    return nextSequence;
  }

  /** Adds one batch's orders, split over as many files as they need. */
  void add(List<PaymentOrder> orders) {
    int next = 0;
    while (next < orders.size()) {
      if (lines + batchOverhead() + 1 > settings.maxLines()) {
        closeFile();
      }
      int taken = fill(orders, next);
      if (taken == 0) {
        if (batches.isEmpty()) {
          throw new NachaFormatException("maxLines", "a single entry does not fit in a file");
        }
        closeFile();
      }
      next += taken;
    }
  }

  private int batchOverhead() {
    return settings.offset() == null ? 2 : 3;
  }

  /** Puts as many orders from {@code start} as fit into a new batch of this file. */
  private int fill(List<PaymentOrder> orders, int start) {
    int batchLines = batchOverhead();
    long debits = 0;
    long credits = 0;
    int end = start;
    while (end < orders.size() && lines + batchLines + 1 <= settings.maxLines()) {
      PaymentOrder order = orders.get(end);
      boolean debit = order.transactionCode().isDebit();
      long newDebits = debits + (debit ? order.amountCents() : 0);
      long newCredits = credits + (debit ? 0 : order.amountCents());
      if (!totalsFit(newDebits, newCredits)) {
        break;
      }
      debits = newDebits;
      credits = newCredits;
      batchLines++;
      end++;
    }
    if (end > start) {
      addBatch(orders.subList(start, end), debits, credits);
      lines += batchLines - (settings.offset() != null && debits == credits ? 1 : 0);
    }
    return end - start;
  }

  /** Whether the batch, its offset entry and the file's totals still fit their fields. */
  private boolean totalsFit(long debits, long credits) {
    long offset = Math.abs(debits - credits);
    if (settings.offset() != null) {
      if (offset > EntryDetail.MAX_AMOUNT_CENTS) {
        return false;
      }
      debits = Math.max(debits, credits);
      credits = debits;
    }
    return debits <= MAX_TOTAL && credits <= MAX_TOTAL
        && fileDebits + debits <= MAX_TOTAL && fileCredits + credits <= MAX_TOTAL;
  }

  private void addBatch(List<PaymentOrder> orders, long debits, long credits) {
    CompanyBatch company = orders.get(0).batch();
    List<EntryDetail> entries = new ArrayList<>(orders.size() + 1);
    for (PaymentOrder order : orders) {
      String trace = nextTrace();
      traces.put(order.reference(), trace);
      entries.add(order.entry(trace));
    }
    OffsetAccount offset = settings.offset();
    if (offset != null && debits != credits) {
      boolean netDebit = debits > credits;
      entries.add(new EntryDetail(
          netDebit ? TransactionCode.credit(offset.savings()) : TransactionCode.debit(
              offset.savings()),
          offset.routingNumber(), offset.accountNumber(), Math.abs(debits - credits),
          company.companyId(), company.companyName(), "", nextTrace(), List.of()));
      debits = Math.max(debits, credits);
      credits = debits;
    }
    ServiceClass serviceClass = ServiceClass.narrowest(
        entries.stream().map(EntryDetail::transactionCode).toList());
    batches.add(new Batch(company.header(serviceClass, settings.odfiId(), batches.size() + 1),
        entries));
    fileDebits += debits;
    fileCredits += credits;
  }

  private String nextTrace() {
    if (nextSequence > NachaPlanner.MAX_TRACE_SEQUENCE) {
      throw new NachaFormatException("traceNumber", "the 7-digit trace sequence is exhausted");
    }
    String sequence = Long.toString(nextSequence++);
    return settings.odfiId() + "0".repeat(7 - sequence.length()) + sequence;
  }

  private void closeFile() {
    if (batches.isEmpty()) {
      return;
    }
    if (files.size() == modifiers.size()) {
      throw new NachaFormatException("fileIdModifiers", "too few for the " + (files.size() + 1)
          + " files these orders need");
    }
    FileHeader header = settings.header(modifiers.get(files.size()));
    files.add(new NachaPlanner.PlannedFile(new NachaFile(header, batches), traces));
    batches.clear();
    traces.clear();
    lines = 2;
    fileDebits = 0;
    fileCredits = 0;
  }

  List<NachaPlanner.PlannedFile> finish() {
    closeFile();
    return List.copyOf(files);
  }
}
