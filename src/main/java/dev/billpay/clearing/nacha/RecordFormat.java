package dev.billpay.clearing.nacha;

import java.util.List;

/**
 * The record layouts of NACHA Operating Rules Appendix Three, one method per record type. Field
 * widths are written out next to each field so they can be checked against the published tables.
 */
final class RecordFormat {
  /** A padding record: 94 nines, filling the last block to ten records. */
  static final String PADDING = "9".repeat(LineBuilder.RECORD_LENGTH);

  private RecordFormat() {}

  static String fileHeader(FileHeader header) {
    return new LineBuilder()
        .literal("1")                                                     // 1     record type
        .literal("01")                                                    // 2-3   priority code
        .verbatim(header.immediateDestination(), 10, "file.immediateDestination") // 4-13
        .verbatim(header.immediateOrigin(), 10, "file.immediateOrigin")   // 14-23
        .date(header.creationDate(), "file.creationDate")                 // 24-29 YYMMDD
        .time(header.creationTime())                                      // 30-33 HHMM
        .literal(String.valueOf(header.fileIdModifier()))                 // 34    file id modifier
        .literal("094")                                                   // 35-37 record size
        .literal("10")                                                    // 38-39 blocking factor
        .literal("1")                                                     // 40    format code
        .text(header.destinationName(), 23, "file.destinationName")       // 41-63
        .text(header.originName(), 23, "file.originName")                 // 64-86
        .text(header.referenceCode(), 8, "file.referenceCode")            // 87-94
        .build();
  }

  static String batchHeader(BatchHeader header) {
    return new LineBuilder()
        .literal("5")                                                     // 1     record type
        .literal(header.serviceClass().code())                            // 2-4   service class
        .text(header.companyName(), 16, "batch.companyName")              // 5-20
        .text(header.companyDiscretionaryData(), 20, "batch.companyDiscretionaryData") // 21-40
        .verbatim(header.companyId(), 10, "batch.companyId")              // 41-50
        .literal(header.secCode().name())                                 // 51-53 SEC code
        .text(header.entryDescription(), 10, "batch.entryDescription")    // 54-63
        .text(header.descriptiveDate(), 6, "batch.descriptiveDate")       // 64-69
        .date(header.effectiveEntryDate(), "batch.effectiveEntryDate")    // 70-75 YYMMDD
        .verbatim(header.settlementDate(), 3, "batch.settlementDate")     // 76-78 Julian, by operator
        .literal(String.valueOf(header.originatorStatusCode()))           // 79
        .literal(header.odfiId())                                         // 80-87 ODFI id
        .number(header.batchNumber(), 7, "batch.batchNumber")             // 88-94
        .build();
  }

  static String entry(EntryDetail entry) {
    return new LineBuilder()
        .literal("6")                                                     // 1     record type
        .literal(entry.transactionCode().code())                          // 2-3
        .literal(entry.rdfiId())                                          // 4-11  RDFI id
        .literal(entry.rdfiRouting().substring(8))                        // 12    check digit
        .verbatim(entry.accountNumber(), 17, "entry.accountNumber")       // 13-29
        .number(entry.amountCents(), 10, "entry.amount")                  // 30-39 cents
        .verbatim(entry.individualId(), 15, "entry.individualId")         // 40-54
        .text(entry.individualName(), 22, "entry.individualName")         // 55-76
        .text(entry.discretionaryData(), 2, "entry.discretionaryData")    // 77-78
        .literal(entry.addenda().isEmpty() ? "0" : "1")                   // 79    addenda indicator
        .literal(entry.traceNumber())                                     // 80-94
        .build();
  }

  /** The addenda records of {@code entry}, numbered from 1. */
  static List<String> addenda(EntryDetail entry) {
    List<Addenda> addenda = entry.addenda();
    String[] lines = new String[addenda.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = addenda(entry, addenda.get(i), i + 1);
    }
    return List.of(lines);
  }

  private static String addenda(EntryDetail entry, Addenda addenda, int sequence) {
    LineBuilder line = new LineBuilder().literal("7").literal(addenda.typeCode()); // 1, 2-3
    if (addenda instanceof Addenda.PaymentInfo info) {
      return line
          .text(info.information(), 80, "addenda.information")           // 4-83
          .number(sequence, 4, "addenda.sequenceNumber")                  // 84-87
          .literal(entry.traceNumber().substring(8))                      // 88-94 entry sequence
          .build();
    }
    if (addenda instanceof Addenda.Return ret) {
      return line
          .literal(ret.returnCode())                                      // 4-6   return reason
          .literal(ret.originalTrace())                                   // 7-21
          .optionalDate(ret.dateOfDeath(), "addenda.dateOfDeath")         // 22-27
          .literal(ret.originalRdfiId())                                  // 28-35
          .text(ret.information(), 44, "addenda.information")            // 36-79
          .literal(entry.traceNumber())                                   // 80-94
          .build();
    }
    if (addenda instanceof Addenda.Other other) {
      return line.verbatim(other.content(), 91, "addenda.content").build(); // 4-94 as read
    }
    Addenda.Correction correction = (Addenda.Correction) addenda;
    return line
        .literal(correction.changeCode())                                 // 4-6   change code
        .literal(correction.originalTrace())                              // 7-21
        .blank(6)                                                         // 22-27 reserved
        .literal(correction.originalRdfiId())                             // 28-35
        .verbatim(correction.correctedData(), 29, "addenda.correctedData") // 36-64
        .blank(15)                                                        // 65-79 reserved
        .literal(entry.traceNumber())                                     // 80-94
        .build();
  }

  static String batchControl(BatchControl control) {
    return new LineBuilder()
        .literal("8")                                                     // 1     record type
        .literal(control.serviceClass().code())                           // 2-4
        .number(control.entryAddendaCount(), 6, "batch.entryAddendaCount") // 5-10
        .number(control.entryHash(), 10, "batch.entryHash")               // 11-20
        .number(control.totalDebitCents(), 12, "batch.totalDebit")        // 21-32
        .number(control.totalCreditCents(), 12, "batch.totalCredit")      // 33-44
        .verbatim(control.companyId(), 10, "batch.companyId")             // 45-54
        .blank(19)                                                        // 55-73 MAC
        .blank(6)                                                         // 74-79 reserved
        .literal(control.odfiId())                                        // 80-87
        .number(control.batchNumber(), 7, "batch.batchNumber")            // 88-94
        .build();
  }

  static String fileControl(FileControl control) {
    return new LineBuilder()
        .literal("9")                                                     // 1     record type
        .number(control.batchCount(), 6, "file.batchCount")               // 2-7
        .number(control.blockCount(), 6, "file.blockCount")               // 8-13
        .number(control.entryAddendaCount(), 8, "file.entryAddendaCount") // 14-21
        .number(control.entryHash(), 10, "file.entryHash")                // 22-31
        .number(control.totalDebitCents(), 12, "file.totalDebit")         // 32-43
        .number(control.totalCreditCents(), 12, "file.totalCredit")       // 44-55
        .blank(39)                                                        // 56-94 reserved
        .build();
  }
}
