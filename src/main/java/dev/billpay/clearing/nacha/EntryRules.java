package dev.billpay.clearing.nacha;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules an entry must satisfy inside its batch, beyond the shape of each field. The writer
 * refuses an entry that breaks one; the reader reports it against the entry's line.
 */
final class EntryRules {
  /**
   * One broken rule. {@code batchLevel}: the ACH Operator rejects the whole batch for it (a
   * service class that does not allow the entry, trace numbers out of order), not only the entry.
   */
  record Violation(String field, String message, boolean batchLevel) {
    Violation(String field, String message) {
      this(field, message, false);
    }
  }

  private EntryRules() {}

  static List<Violation> check(BatchHeader header, EntryDetail entry) {
    List<Violation> violations = new ArrayList<>();
    TransactionCode code = entry.transactionCode();
    if (!header.serviceClass().allows(code)) {
      violations.add(new Violation("transactionCode", "code " + code.code()
          + " is not allowed in a batch of service class " + header.serviceClass().code(), true));
    }
    if (!RoutingCheckDigit.isValid(entry.rdfiRouting())) {
      violations.add(new Violation("checkDigit", "does not match the receiving DFI id"));
    }
    if (!entry.traceOdfiId().equals(header.odfiId())) {
      violations.add(new Violation("traceNumber",
          "must start with the batch's originating DFI id " + header.odfiId()));
    }
    if ((code.isPrenote() || header.secCode() == SecCode.COR) && entry.amountCents() != 0) {
      violations.add(new Violation("amount", "must be zero for a prenote or a COR entry"));
    }
    checkAddenda(header.secCode(), entry, violations);
    return violations;
  }

  /** Trace numbers ascend within a batch (NACHA Appendix Three, field "Trace Number"). */
  static List<Violation> checkOrder(EntryDetail previous, EntryDetail entry) {
    if (previous != null && previous.traceNumber().compareTo(entry.traceNumber()) >= 0) {
      return List.of(new Violation("traceNumber", "must be greater than the previous entry's",
          true));
    }
    return List.of();
  }

  private static void checkAddenda(SecCode sec, EntryDetail entry, List<Violation> violations) {
    List<Addenda> addenda = entry.addenda();
    boolean returnCode = entry.transactionCode().isReturnOrNotification();
    if (sec == SecCode.COR) {
      if (!returnCode || addenda.size() != 1 || !(addenda.get(0) instanceof Addenda.Correction)) {
        violations.add(new Violation("addenda", "a COR entry carries a return/NOC transaction "
            + "code and exactly one addenda of type 98"));
      }
      return;
    }
    if (sec == SecCode.IAT) {
      checkIatAddenda(returnCode, addenda, violations);
      return;
    }
    if (returnCode) {
      if (addenda.size() != 1 || !(addenda.get(0) instanceof Addenda.Return)) {
        violations.add(new Violation("addenda",
            "a return entry carries exactly one addenda of type 99"));
      }
      return;
    }
    if (addenda.size() > 1 || (addenda.size() == 1
        && !(addenda.get(0) instanceof Addenda.PaymentInfo))) {
      violations.add(new Violation("addenda",
          "a " + sec + " entry carries at most one addenda of type 05"));
    }
  }

  /** An IAT entry carries its IAT addenda (10-18); a returned one ends with one type 99. */
  private static void checkIatAddenda(boolean returnCode, List<Addenda> addenda,
      List<Violation> violations) {
    long returns = addenda.stream().filter(a -> a instanceof Addenda.Return).count();
    boolean othersIat = addenda.stream()
        .allMatch(a -> a instanceof Addenda.Return || a instanceof Addenda.Other);
    boolean returnLast = !addenda.isEmpty()
        && addenda.get(addenda.size() - 1) instanceof Addenda.Return;
    if (!othersIat || (returnCode ? returns != 1 || !returnLast : returns != 0)) {
      violations.add(new Violation("addenda", returnCode
          ? "an IAT return carries its IAT addenda (10-18) and then one addenda of type 99"
          : "an IAT entry carries IAT addenda (10-18) only"));
    }
  }
}
