package dev.billpay.reconciliation;

import dev.billpay.clearing.nacha.Addenda;
import dev.billpay.clearing.nacha.Batch;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.clearing.nacha.SetAsideEntry;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tells a return/NOC file from an origination file. An operator who uploads the wrong file (our own
 * outgoing clearing file, say) must hear so, not get "imported" with nothing applied.
 */
final class FileKind {
  private FileKind() {}

  /**
   * What the file is when it holds no return or NOC at all, e.g. "an origination file: 3 WEB
   * debit entries, no return or NOC addenda"; empty when it holds at least one.
   */
  static Optional<String> describeForward(NachaReadResult.Accepted read) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Batch batch : read.file().batches()) {
      for (EntryDetail entry : batch.entries()) {
        if (isReturnOrNotification(entry)) {
          return Optional.empty();
        }
        String kind = batch.header().secCode() + " "
            + (entry.transactionCode().isDebit() ? "debit" : "credit");
        counts.merge(kind, 1, Integer::sum);
      }
    }
    for (SetAsideEntry entry : read.setAsideEntries()) {
      if (entry.originalTrace() != null) {
        return Optional.empty();
      }
    }
    // a file whose batches were all set aside cannot be told apart: it is read as a return file
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    String what = counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey() + (e.getValue() == 1 ? " entry" : " entries"))
        .collect(Collectors.joining(", "));
    String setAside = read.setAsideBatches().isEmpty() ? ""
        : ", " + read.setAsideBatches().size() + " batch(es) unreadable";
    return Optional.of("an origination file: " + what + setAside + ", no return or NOC addenda");
  }

  static boolean isReturnOrNotification(EntryDetail entry) {
    return entry.transactionCode().isReturnOrNotification() || entry.addenda().stream()
        .anyMatch(a -> a instanceof Addenda.Return || a instanceof Addenda.Correction);
  }
}
