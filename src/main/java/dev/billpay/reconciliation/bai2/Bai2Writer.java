package dev.billpay.reconciliation.bai2;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes a {@link Bai2Statement} as a BAI2 file that {@link Bai2Reader} accepts: 01, 02, per
 * account a 03 with its 16s and a 49, then 98 and 99, with every control total and record count
 * computed. Lines end with "\n".
 *
 * <p>Without a physical record length every record is one line. With one, a record that does not
 * fit is continued on 88 records, breaking only between fields, as the end of a physical record
 * separates fields just like a comma (see {@link RecordAssembler}). A 16's text therefore breaks
 * only at its own commas; a run of text without a comma longer than a line is rejected.
 *
 * <p>Every physical record ends with '/' except one that ends inside a 16's text, which runs to
 * the end of the record as the spec has it. A text piece that is empty or ends with a blank or a
 * '/' still gets a '/': it is what the spec writes for "no text", it keeps a trailing blank from
 * being taken for padding, and the reader removes exactly one final '/'.
 */
public final class Bai2Writer {
  /** Enough for any trailer on one line, so trailers never count themselves twice. */
  public static final int MIN_PHYSICAL_RECORD_LENGTH = 50;

  private final Writer out;
  private final int limit;
  private int fileRecords;
  private int groupRecords;
  private int accountRecords;

  /** One field of a record; text pieces are the comma-separated parts of a 16's text. */
  private record Piece(String value, boolean text) {
    String terminator() {
      boolean endsInText = text && !value.isEmpty() && !value.endsWith(" ") && !value.endsWith("/");
      return endsInText ? "" : "/";
    }
  }

  private Bai2Writer(Writer out, OptionalInt physicalRecordLength) {
    this.out = out;
    this.limit = physicalRecordLength.orElse(0);
    if (physicalRecordLength.isPresent() && limit < MIN_PHYSICAL_RECORD_LENGTH) {
      throw new IllegalArgumentException(
          "physical record length must be at least " + MIN_PHYSICAL_RECORD_LENGTH);
    }
  }

  /**
   * Writes {@code statement} to {@code out}, which the caller flushes and closes.
   *
   * @throws IllegalArgumentException if a value cannot be written in BAI2: a ',' or '/' in a
   *     field other than text, characters outside printable ASCII, a negative 16 amount, a year
   *     outside 2000-2099, or a field too long for the physical record length
   */
  public static void write(Bai2Statement statement, Writer out) throws IOException {
    new Bai2Writer(out, statement.header().physicalRecordLength()).statement(statement);
  }

  /** The file as a string, for tests and small statements. */
  public static String format(Bai2Statement statement) {
    StringWriter out = new StringWriter();
    try {
      write(statement, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void statement(Bai2Statement statement) throws IOException {
    FileHeader file = statement.header();
    record("01", required("sender_identification", file.sender()),
        required("receiver_identification", file.receiver()), date(file.creationDate()),
        time("file_creation_time", required("file_creation_time", file.creationTime())),
        required("file_identification_number", file.fileId()),
        number(file.physicalRecordLength()), number(file.blockSize()),
        String.valueOf(FileHeader.VERSION));
    GroupHeader group = statement.group();
    groupRecords = 0;
    record("02", plain("ultimate_receiver_identification", group.ultimateReceiver()),
        required("originator_identification", group.originator()),
        String.valueOf(group.status()),
        date(group.asOfDate()), time("as_of_time", group.asOfTime()),
        plain("currency_code", group.currency()), number(group.asOfDateModifier()));
    long groupTotal = 0;
    for (Bai2Statement.Account account : statement.accounts()) {
      groupTotal = Math.addExact(groupTotal, account(account));
    }
    record("98", Long.toString(groupTotal), Integer.toString(statement.accounts().size()),
        Integer.toString(groupRecords + 1));
    record("99", Long.toString(groupTotal), "1", Integer.toString(fileRecords + 1));
  }

  /** Writes an account from 03 to 49 and returns its control total. */
  private long account(Bai2Statement.Account account) throws IOException {
    accountRecords = 0;
    long total = 0;
    List<Piece> identifier = new ArrayList<>();
    identifier.add(
        new Piece(required("customer_account_number", account.accountNumber()), false));
    identifier.add(new Piece(plain("currency_code", account.currency()), false));
    for (Summary summary : account.summaries()) {
      identifier.add(new Piece(plain("type_code", summary.typeCode()), false));
      identifier.add(new Piece(amount(summary.amountMinor()), false));
      identifier.add(new Piece(number(summary.itemCount()), false));
      funds(summary.funds(), true).forEach(value -> identifier.add(new Piece(value, false)));
      total = Math.addExact(total, summary.amountMinor().orElse(0));
    }
    record("03", identifier);
    for (Bai2Statement.Entry entry : account.entries()) {
      record("16", detail(entry));
      total = Math.addExact(total, entry.amountMinor());
    }
    record("49", Long.toString(total), Integer.toString(accountRecords + 1));
    return total;
  }

  private static List<Piece> detail(Bai2Statement.Entry entry) {
    List<Piece> pieces = new ArrayList<>();
    pieces.add(new Piece(plain("type_code", entry.typeCode()), false));
    pieces.add(new Piece(Long.toString(entry.amountMinor()), false));
    funds(entry.funds(), false).forEach(value -> pieces.add(new Piece(value, false)));
    pieces.add(new Piece(plain("bank_reference_number", entry.bankReference()), false));
    pieces.add(new Piece(plain("customer_reference_number", entry.customerReference()), false));
    for (String piece : printable("text", entry.text()).split(",", -1)) {
      pieces.add(new Piece(piece, true));
    }
    return pieces;
  }

  private static List<String> funds(FundsType funds, boolean signedAmounts) {
    List<String> values = new ArrayList<>();
    switch (funds.code()) {
      case "Z" -> values.add("");
      case "V" -> {
        values.add("V");
        values.add(date(funds.valueDate()));
        values.add(time("value_time", funds.valueTime()));
      }
      case "S" -> {
        values.add("S");
        funds.availability().forEach(a -> values.add(availability(a.amountMinor(), signedAmounts)));
      }
      case "D" -> {
        values.add("D");
        values.add(Integer.toString(funds.availability().size()));
        for (FundsType.Availability a : funds.availability()) {
          values.add(Integer.toString(a.days()));
          values.add(availability(a.amountMinor(), signedAmounts));
        }
      }
      default -> values.add(funds.code());
    }
    return values;
  }

  private void record(String code, String... fields) throws IOException {
    List<Piece> pieces = new ArrayList<>();
    for (String field : fields) {
      pieces.add(new Piece(field, false));
    }
    record(code, pieces);
  }

  /** Packs the fields into physical records, continuing on 88s where the length runs out. */
  private void record(String code, List<Piece> pieces) throws IOException {
    StringBuilder line = new StringBuilder(code).append(',').append(pieces.get(0).value());
    Piece last = pieces.get(0);
    checkFits(line, last);
    for (Piece piece : pieces.subList(1, pieces.size())) {
      int length = line.length() + 1 + piece.value().length() + piece.terminator().length();
      if (limit == 0 || length <= limit) {
        line.append(',').append(piece.value());
      } else {
        emit(line.append(last.terminator()));
        line = new StringBuilder("88,").append(piece.value());
        checkFits(line, piece);
      }
      last = piece;
    }
    emit(line.append(last.terminator()));
  }

  private void checkFits(StringBuilder line, Piece piece) {
    if (limit > 0 && line.length() + piece.terminator().length() > limit) {
      throw new IllegalArgumentException("a field of " + piece.value().length() + " characters"
          + " (for text: a run without a comma) does not fit the physical record length "
          + limit);
    }
  }

  private void emit(CharSequence line) throws IOException {
    out.append(line).append('\n');
    fileRecords++;
    groupRecords++;
    accountRecords++;
  }

  private static String required(String name, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return plain(name, value);
  }

  /** A field other than text: printable ASCII without the delimiters ',' and '/'. */
  private static String plain(String name, String value) {
    if (value.indexOf(',') >= 0 || value.indexOf('/') >= 0) {
      throw new IllegalArgumentException(name + " must not contain ',' or '/'");
    }
    return printable(name, value);
  }

  private static String printable(String name, String value) {
    if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new IllegalArgumentException(name + " must be printable ASCII");
    }
    return value;
  }

  private static String time(String name, String value) {
    if (!value.isEmpty() && !value.matches("([01]\\d|2[0-3])[0-5]\\d|2400|9999")) {
      throw new IllegalArgumentException(name + " must be HHMM, 2400 or 9999: " + value);
    }
    return value;
  }

  private static String date(LocalDate date) {
    if (date.getYear() < 2000 || date.getYear() > 2099) {
      throw new IllegalArgumentException("BAI2 writes two-digit years; only 2000-2099: " + date);
    }
    return String.format("%02d%02d%02d",
        date.getYear() - 2000, date.getMonthValue(), date.getDayOfMonth());
  }

  private static String amount(OptionalLong amount) {
    return amount.isPresent() ? Long.toString(amount.getAsLong()) : "";
  }

  private static String availability(long amount, boolean signed) {
    if (!signed && amount < 0) {
      throw new IllegalArgumentException("availability amounts of a 16 are unsigned: " + amount);
    }
    return Long.toString(amount);
  }

  private static String number(OptionalInt number) {
    return number.isPresent() ? Integer.toString(number.getAsInt()) : "";
  }
}
