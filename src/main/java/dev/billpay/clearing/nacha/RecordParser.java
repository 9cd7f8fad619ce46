package dev.billpay.clearing.nacha;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses each record type into the model, field by field at the positions of NACHA Appendix
 * Three. A method returns {@code null} when any field was reported as a problem.
 */
final class RecordParser {
  /** An entry before its addenda are attached, and what its addenda indicator said. */
  record ParsedEntry(EntryDetail entry, boolean addendaIndicator) {}

  /** An addenda with the sequence fields the reader checks against its entry. */
  record ParsedAddenda(Addenda addenda, int sequence, String entryReference) {}

  private RecordParser() {}

  static FileHeader fileHeader(FieldReader r) {
    r.expect(2, 3, "01", "priorityCode");
    String destination = r.raw(4, 13);
    if (!FileHeader.isDestinationField(destination)) {
      r.problem("immediateDestination", FileHeader.DESTINATION_RULE);
    }
    String origin = r.raw(14, 23);
    if (!FileHeader.isOriginField(origin)) {
      r.problem("immediateOrigin", FileHeader.ORIGIN_RULE);
    }
    LocalDate date = r.date(24, 29, "creationDate");
    LocalTime time = r.optionalTime(30, 33, "creationTime");
    char modifier = r.raw(34, 34).charAt(0);
    if (!FileHeader.isFileIdModifier(modifier)) {
      r.problem("fileIdModifier", "must be A-Z or 0-9");
    }
    r.expect(35, 37, "094", "recordSize");
    r.expect(38, 39, "10", "blockingFactor");
    r.expect(40, 40, "1", "formatCode");
    if (r.failed()) {
      return null;
    }
    return build(r, () -> new FileHeader(destination, origin, date, time, modifier,
        r.text(41, 63), r.text(64, 86), r.text(87, 94)));
  }

  /**
   * The batch header; an effective entry date that is not a date is left {@code null} unreported,
   * because whether it is a problem depends on the entries that follow (the ACH Operator does not
   * edit it in return and COR batches).
   */
  static BatchHeader batchHeader(FieldReader r) {
    ServiceClass serviceClass = serviceClass(r, 2, 4);
    SecCode sec = SecCode.parse(r.raw(51, 53)).orElse(null);
    if (sec == null) {
      r.problem("secCode", "is not a Standard Entry Class code NACHA publishes");
    }
    LocalDate effective = r.dateOrNull(70, 75);
    String settlement = r.raw(76, 78);
    if (!settlement.isBlank()) {
      r.digits(76, 78, "settlementDate");
    }
    char status = r.raw(79, 79).charAt(0);
    if (status < '0' || status > '9') {
      r.problem("originatorStatusCode", "must be a digit");
    }
    String odfi = r.digits(80, 87, "odfiId");
    long batchNumber = r.number(88, 94, "batchNumber");
    if (r.failed()) {
      return null;
    }
    // company id: the ACH Operator does not edit how it is justified, so neither do we
    return build(r, () -> new BatchHeader(serviceClass, r.text(5, 20), r.text(21, 40),
        r.text(41, 50), sec, r.text(54, 63), r.text(64, 69), effective,
        settlement.isBlank() ? "" : settlement, status, odfi, (int) batchNumber));
  }

  static ParsedEntry entry(FieldReader r) {
    TransactionCode code = TransactionCode.parse(r.raw(2, 3)).orElse(null);
    if (code == null) {
      r.problem("transactionCode", "must be one of 21-23, 26-28, 31-33, 36-38");
    }
    String rdfi = r.digits(4, 11, "rdfiId");
    r.digits(12, 12, "checkDigit");
    String account = r.identifier(13, 29);
    if (account.isEmpty()) {
      r.problem("accountNumber", "is required");
    }
    long amount = r.number(30, 39, "amount");
    String indicator = r.raw(79, 79);
    if (!indicator.equals("0") && !indicator.equals("1")) {
      r.problem("addendaIndicator", "must be 0 or 1");
    }
    String trace = r.digits(80, 94, "traceNumber");
    if (r.failed()) {
      return null;
    }
    EntryDetail entry = build(r, () -> new EntryDetail(code, rdfi + r.raw(12, 12), account,
        amount, r.identifier(40, 54), r.text(55, 76), r.text(77, 78), trace, List.of()));
    return entry == null ? null : new ParsedEntry(entry, indicator.equals("1"));
  }

  static ParsedAddenda addenda(FieldReader r) {
    String type = r.raw(2, 3);
    return switch (type) {
      case "05" -> paymentInfo(r);
      case "99" -> returnAddenda(r);
      case "98" -> correction(r);
      // the IAT addenda an IAT return carries before its 99: kept, not interpreted
      case "10", "11", "12", "13", "14", "15", "16", "17", "18" ->
          new ParsedAddenda(new Addenda.Other(type, r.raw(4, 94)), 0, "");
      default -> {
        r.problem("addendaTypeCode", "must be 05, 10-18, 98 or 99");
        yield null;
      }
    };
  }

  private static ParsedAddenda paymentInfo(FieldReader r) {
    long sequence = r.number(84, 87, "addendaSequenceNumber");
    String entrySequence = r.digits(88, 94, "entryDetailSequenceNumber");
    if (r.failed()) {
      return null;
    }
    return new ParsedAddenda(new Addenda.PaymentInfo(r.text(4, 83)), (int) sequence,
        entrySequence);
  }

  private static ParsedAddenda returnAddenda(FieldReader r) {
    String code = r.raw(4, 6);
    if (!ReturnCodes.isReturnCode(code)) {
      r.problem("returnReasonCode", "is not a NACHA return reason code");
    }
    String originalTrace = r.digits(7, 21, "originalTraceNumber");
    LocalDate dateOfDeath = r.optionalDate(22, 27, "dateOfDeath");
    String originalRdfi = r.digits(28, 35, "originalRdfiId");
    String trace = r.digits(80, 94, "traceNumber");
    if (r.failed()) {
      return null;
    }
    Addenda addenda = build(r, () -> new Addenda.Return(code, originalTrace, dateOfDeath,
        originalRdfi, r.text(36, 79)));
    return addenda == null ? null : new ParsedAddenda(addenda, 1, trace);
  }

  private static ParsedAddenda correction(FieldReader r) {
    String code = r.raw(4, 6);
    if (!ReturnCodes.isChangeCode(code)) {
      r.problem("changeCode", "is not a NACHA change code");
    }
    String originalTrace = r.digits(7, 21, "originalTraceNumber");
    r.blank(22, 27, "reserved");
    String originalRdfi = r.digits(28, 35, "originalRdfiId");
    r.blank(65, 79, "reserved");
    String trace = r.digits(80, 94, "traceNumber");
    if (r.failed()) {
      return null;
    }
    Addenda addenda = build(r, () -> new Addenda.Correction(code, originalTrace, originalRdfi,
        r.identifier(36, 64)));
    return addenda == null ? null : new ParsedAddenda(addenda, 1, trace);
  }

  static BatchControl batchControl(FieldReader r) {
    ServiceClass serviceClass = serviceClass(r, 2, 4);
    long count = r.number(5, 10, "entryAddendaCount");
    long hash = r.number(11, 20, "entryHash");
    long debit = r.number(21, 32, "totalDebit");
    long credit = r.number(33, 44, "totalCredit");
    // 55-73 message authentication code: optional, not ours to check
    r.blank(74, 79, "reserved");
    String odfi = r.digits(80, 87, "odfiId");
    long batchNumber = r.number(88, 94, "batchNumber");
    if (r.failed()) {
      return null;
    }
    return new BatchControl(serviceClass, (int) count, hash, debit, credit, r.text(45, 54),
        odfi, (int) batchNumber);
  }

  static FileControl fileControl(FieldReader r) {
    long batches = r.number(2, 7, "batchCount");
    long blocks = r.number(8, 13, "blockCount");
    long count = r.number(14, 21, "entryAddendaCount");
    long hash = r.number(22, 31, "entryHash");
    long debit = r.number(32, 43, "totalDebit");
    long credit = r.number(44, 55, "totalCredit");
    r.blank(56, 94, "reserved");
    if (r.failed()) {
      return null;
    }
    return new FileControl((int) batches, (int) blocks, (int) count, hash, debit, credit);
  }

  /**
   * Builds a record from fields that passed the checks above; a rule only the record's own
   * constructor knows (e.g. an identifier with a leading space) becomes a problem too.
   */
  private static <T> T build(FieldReader r, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (NachaFormatException e) {
      String field = e.field();
      r.problem(field.substring(field.indexOf('.') + 1), e.reason());
      return null;
    }
  }

  private static ServiceClass serviceClass(FieldReader r, int from, int to) {
    ServiceClass serviceClass = ServiceClass.parse(r.raw(from, to)).orElse(null);
    if (serviceClass == null) {
      r.problem("serviceClassCode", "must be 200, 220 or 225");
    }
    return serviceClass;
  }

}
