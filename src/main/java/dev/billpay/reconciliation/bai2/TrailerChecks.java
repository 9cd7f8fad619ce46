package dev.billpay.reconciliation.bai2;

/** Compares what trailers and the 01 header declare with what the file holds. */
final class TrailerChecks {
  private final Problems problems;

  TrailerChecks(Problems problems) {
    this.problems = problems;
  }

  void total(Bai2Records.Trailer trailer, String field, ControlTotal total, String what) {
    if (trailer.total().isPresent() && total.checkable()
        && !total.accepts(trailer.total().getAsLong())) {
      problems.add(trailer.totalLine(), field,
          "is " + trailer.total().getAsLong() + " but " + what + total.expected());
    }
  }

  /** The number of accounts of a 98 or of groups of a 99. */
  void units(Bai2Records.Trailer trailer, String field, int actual, String what) {
    if (trailer.units().isPresent() && trailer.units().getAsInt() != actual) {
      problems.add(trailer.unitsLine(), field,
          "is " + trailer.units().getAsInt() + " but there are " + actual + what);
    }
  }

  void records(Bai2Records.Trailer trailer, int actual, String owner, String first) {
    if (trailer.records().isPresent() && trailer.records().getAsInt() != actual) {
      problems.add(trailer.recordsLine(), "number_of_records",
          "is " + trailer.records().getAsInt() + " but " + owner + actual + " records from its "
              + first + " to this trailer, 88 continuations included");
    }
  }

  /** Physical records may not be longer than the length the 01 header declares. */
  void length(FileHeader header, LogicalRecord record) {
    if (header == null || header.physicalRecordLength().isEmpty()) {
      return;
    }
    int limit = header.physicalRecordLength().getAsInt();
    for (int i = 0; i < record.physicalRecords(); i++) {
      int length = record.physicalLengths().get(i);
      if (length > limit) {
        problems.add(record.firstLine() + i, "record", "is " + length
            + " characters long; the 01 header sets the physical record length to " + limit);
      }
    }
  }
}
