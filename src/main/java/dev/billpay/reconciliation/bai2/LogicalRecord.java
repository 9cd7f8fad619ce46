package dev.billpay.reconciliation.bai2;

import java.util.List;

/**
 * A record with its 88 continuations appended: the fields of all its physical records in order,
 * each tagged with the line it came from.
 *
 * @param physicalLengths the length of each physical line, for the physical record length check
 */
record LogicalRecord(
    String code, List<Field> fields, int firstLine, List<Integer> physicalLengths) {
  record Field(String value, int line) {}

  int physicalRecords() {
    return physicalLengths.size();
  }

  int lastLine() {
    return firstLine + physicalLengths.size() - 1;
  }
}
