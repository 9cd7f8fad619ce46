package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The structure and totals of a BAI2 file, record by record: the order
 * 01 (02 (03 16* 49)* 98)* 99, and each 49, 98 and 99 control total and record count. Out-of-place
 * records are reported and the parser carries on as sensibly as it can, so one file yields all its
 * problems. The model is only built while no problem has been found; a file with problems is
 * rejected whole anyway.
 */
final class Bai2FileParser implements RecordAssembler.Sink {
  static final String DEFAULT_CURRENCY = "USD";

  private final Problems problems = new Problems();
  private final TrailerChecks checks = new TrailerChecks(problems);
  private final List<Group> groups = new ArrayList<>();
  private final ControlTotal fileTotal = new ControlTotal();
  private boolean started;
  private boolean headerSeen;
  private boolean ended;
  private FileHeader header;
  private int fileRecords;
  private int groupCount;
  private OpenGroup group;
  private OpenAccount account;

  Problems problems() {
    return problems;
  }

  @Override
  public void blankLine(int line) {
    // trailing empty lines after the 99 are harmless; anywhere else a record is missing
    if (!ended) {
      problems.add(line, "record", "is empty; every line of a BAI2 file is a record");
    }
  }

  @Override
  public void orphanContinuation(int line) {
    if (started && !ended) {
      count(new LogicalRecord("88", List.of(), line, List.of(0)));
      if (account != null) {
        account.total.unknown();
      }
    }
  }

  @Override
  public void record(LogicalRecord record) {
    if (ended) {
      problems.add(record.firstLine(), "record_code", "no record may follow the 99 file trailer");
      return;
    }
    if (!started && !record.code().equals("01")) {
      problems.add(record.firstLine(), "record_code", "a BAI2 file starts with a 01 file header");
    }
    started = true;
    switch (record.code()) {
      case "01" -> fileHeader(record);
      case "02" -> groupHeader(record);
      case "03" -> accountIdentifier(record);
      case "16" -> transactionDetail(record);
      case "49" -> accountTrailer(record);
      case "98" -> groupTrailer(record);
      case "99" -> fileTrailer(record);
      default -> {
        count(record);
        problems.add(record.firstLine(), "record_code",
            "unknown record code '" + record.code() + "'");
      }
    }
    checks.length(header, record);
  }

  private void fileHeader(LogicalRecord record) {
    count(record);
    if (headerSeen) {
      problems.add(record.firstLine(), "record_code", "a file has only one 01 file header");
      return;
    }
    headerSeen = true;
    header = read(record, Bai2Records::fileHeader);
  }

  private void groupHeader(LogicalRecord record) {
    closeOpenAccountBefore(record, "02 group header");
    closeOpenGroupBefore(record, "02 group header");
    group = new OpenGroup(record.firstLine());
    groupCount++;
    count(record);
    GroupHeader read = read(record, Bai2Records::groupHeader);
    if (read != null && read.currency().isEmpty()) {
      read = new GroupHeader(read.ultimateReceiver(), read.originator(), read.status(),
          read.asOfDate(), read.asOfTime(), DEFAULT_CURRENCY, read.asOfDateModifier());
    }
    group.header = read;
  }

  private void accountIdentifier(LogicalRecord record) {
    if (group == null) {
      count(record);
      problems.add(record.firstLine(), "record_code",
          "03 account identifier outside a group (no 02 before it)");
      return;
    }
    closeOpenAccountBefore(record, "03 account identifier");
    account = new OpenAccount(record.firstLine());
    group.accountCount++;
    count(record);
    account.identifier = read(record, Bai2Records::accountIdentifier);
    if (account.identifier == null) {
      account.total.unknown();
      return;
    }
    if (!account.identifier.currency().isEmpty()) {
      account.currency = account.identifier.currency();
    } else if (group.header != null) {
      account.currency = group.header.currency();
    }
    for (Summary summary : account.identifier.summaries()) {
      summary.amountMinor().ifPresent(amount -> addAmount(record.firstLine(), amount));
    }
  }

  private void transactionDetail(LogicalRecord record) {
    count(record);
    if (account == null) {
      problems.add(record.firstLine(), "record_code",
          "16 transaction detail outside an account (no 03 before it)");
      return;
    }
    Bai2Records.Detail detail = read(record, Bai2Records::transactionDetail);
    if (detail == null) {
      account.total.unknown();
      return;
    }
    addAmount(record.firstLine(), detail.amountMinor());
    if (problems.none()) {
      LocalDate valueDate = detail.funds().valueDate() != null
          ? detail.funds().valueDate() : group.header.asOfDate();
      account.transactions.add(new Transaction(record.firstLine(), detail.typeCode(),
          detail.amountMinor(), Bai2TypeCodes.direction(detail.typeCode()), detail.funds(),
          detail.bankReference(), detail.customerReference(), detail.text(), account.currency,
          valueDate));
    }
  }

  private void accountTrailer(LogicalRecord record) {
    count(record);
    if (account == null) {
      problems.add(record.firstLine(), "record_code",
          "49 account trailer without an open account (no 03 before it)");
      return;
    }
    Bai2Records.Trailer trailer =
        read(record, f -> Bai2Records.trailer(f, "account_control_total", null));
    checks.total(trailer, "account_control_total", account.total,
        "the 03 and 16 amounts of the account add up to ");
    checks.records(trailer, account.records, "the account has ", "03");
    closeAccount(trailer.total());
  }

  private void groupTrailer(LogicalRecord record) {
    closeOpenAccountBefore(record, "98 group trailer");
    count(record);
    if (group == null) {
      problems.add(record.firstLine(), "record_code",
          "98 group trailer without an open group (no 02 before it)");
      return;
    }
    Bai2Records.Trailer trailer =
        read(record, f -> Bai2Records.trailer(f, "group_control_total", "number_of_accounts"));
    checks.total(trailer, "group_control_total", group.total,
        "the account control totals of the group add up to ");
    checks.units(trailer, "number_of_accounts", group.accountCount, " account(s) in the group");
    checks.records(trailer, group.records, "the group has ", "02");
    closeGroup(trailer.total());
  }

  private void fileTrailer(LogicalRecord record) {
    closeOpenAccountBefore(record, "99 file trailer");
    closeOpenGroupBefore(record, "99 file trailer");
    count(record);
    ended = true;
    Bai2Records.Trailer trailer =
        read(record, f -> Bai2Records.trailer(f, "file_control_total", "number_of_groups"));
    checks.total(trailer, "file_control_total", fileTotal,
        "the group control totals of the file add up to ");
    checks.units(trailer, "number_of_groups", groupCount, " group(s) in the file");
    checks.records(trailer, fileRecords, "the file has ", "01");
  }

  /** The file, once all {@code lines} lines went through; throws if it had any problem. */
  Bai2File finish(int lines) {
    if (lines == 0) {
      problems.add(1, "record", "the file is empty");
    } else if (!ended) {
      if (account != null) {
        problems.add(lines, "record_code",
            "the file ends before the 49 trailer of the account opened at line " + account.line);
      }
      if (group != null) {
        problems.add(lines, "record_code",
            "the file ends before the 98 trailer of the group opened at line " + group.line);
      }
      problems.add(lines, "record_code", "the file ends without a 99 file trailer");
    }
    if (!problems.none()) {
      throw new Bai2FormatException(problems.list());
    }
    return new Bai2File(header, groups);
  }

  /** A record that only comes after a 49 closes an account whose 49 is missing. */
  private void closeOpenAccountBefore(LogicalRecord record, String what) {
    if (account != null) {
      problems.add(record.firstLine(), "record_code",
          what + " before the 49 trailer of the account opened at line " + account.line);
      closeAccount(OptionalLong.empty());
    }
  }

  private void closeOpenGroupBefore(LogicalRecord record, String what) {
    if (group != null) {
      problems.add(record.firstLine(), "record_code",
          what + " before the 98 trailer of the group opened at line " + group.line);
      closeGroup(OptionalLong.empty());
    }
  }

  /** Closes the open account; {@code declared} is its 49's total, empty without a 49. */
  private void closeAccount(OptionalLong declared) {
    addChild(group.total, declared, account.total, account.line);
    if (problems.none()) {
      group.accounts.add(new Account(account.identifier.accountNumber(), account.currency,
          account.identifier.summaries(), account.transactions));
    }
    account = null;
  }

  private void closeGroup(OptionalLong declared) {
    addChild(fileTotal, declared, group.total, group.line);
    if (problems.none()) {
      groups.add(new Group(group.header, group.accounts));
    }
    group = null;
  }

  /** Counts a record's physical records in every open level. */
  private void count(LogicalRecord record) {
    int physical = record.physicalRecords();
    fileRecords += physical;
    if (group != null) {
      group.records += physical;
    }
    if (account != null) {
      account.records += physical;
    }
  }

  private void addAmount(int line, long amount) {
    try {
      account.total.addAmount(amount);
    } catch (ArithmeticException e) {
      account.total.unknown();
      problems.add(line, "amount", "the account's amounts add up to more than 64 bits can hold");
    }
  }

  private void addChild(ControlTotal parent, OptionalLong declared, ControlTotal child, int line) {
    try {
      parent.addChild(declared, child);
    } catch (ArithmeticException e) {
      problems.add(line, "record", "control totals add up to more than 64 bits can hold");
    }
  }


  /**
   * Reads a record's fields. A record ending in {@code ,/} before an 88 is read as the spec's
   * sample writes it (an empty, defaulted field before the continuation); when that reading does
   * not parse but the one where the comma only ends the field before it does, the bank meant the
   * latter and the record is taken so. When neither parses, the cause is reported first, then
   * the problems of the reading that got closer: the other one's are consequences of every later
   * field being one place off.
   */
  private <T> T read(LogicalRecord record, Function<FieldCursor, T> reader) {
    if (record.emptyBeforeContinuation().isEmpty()) {
      return reader.apply(new FieldCursor(record, problems));
    }
    Problems asWritten = Problems.trial();
    T read = reader.apply(new FieldCursor(record, asWritten));
    if (asWritten.none()) {
      return read;
    }
    Problems commaEndsField = Problems.trial();
    T reread = reader.apply(new FieldCursor(record.withoutEmptyBeforeContinuation(), commaEndsField));
    if (commaEndsField.none()) {
      return reread;
    }
    int position = record.emptyBeforeContinuation().stream().min(Integer::compare).orElseThrow();
    int line = record.fields().get(position).line();
    problems.add(line, "record", "ends with ',/' and is continued on line " + (line + 1)
        + ": read with that comma as an empty field or as the end of the field before it, the"
        + " record does not parse either way; the problems of the reading with fewer of them follow");
    boolean rereadCloser = commaEndsField.count() < asWritten.count();
    problems.addAll(rereadCloser ? commaEndsField : asWritten);
    return rereadCloser ? reread : read;
  }
}
