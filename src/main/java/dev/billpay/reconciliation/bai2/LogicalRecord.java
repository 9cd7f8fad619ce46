package dev.billpay.reconciliation.bai2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A record with its 88 continuations appended: the fields of all its physical records in order,
 * each tagged with the line it came from.
 *
 * @param physicalLengths the length of each physical line, for the physical record length check
 * @param emptyBeforeContinuation the positions of empty fields that a physical record ending in
 *     {@code ,/} put just before an 88: the spec reads them as defaulted fields, but some banks
 *     write the comma only to end the field before it
 */
record LogicalRecord(String code, List<Field> fields, int firstLine, List<Integer> physicalLengths,
    Set<Integer> emptyBeforeContinuation) {
  record Field(String value, int line) {}

  LogicalRecord(String code, List<Field> fields, int firstLine, List<Integer> physicalLengths) {
    this(code, fields, firstLine, physicalLengths, Set.of());
  }

  /** The same record read the other way: each comma before a continuation only ends a field. */
  LogicalRecord withoutEmptyBeforeContinuation() {
    List<Field> kept = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (!emptyBeforeContinuation.contains(i)) {
        kept.add(fields.get(i));
      }
    }
    return new LogicalRecord(code, List.copyOf(kept), firstLine, physicalLengths);
  }

  int physicalRecords() {
    return physicalLengths.size();
  }

  int lastLine() {
    return firstLine + physicalLengths.size() - 1;
  }
}
