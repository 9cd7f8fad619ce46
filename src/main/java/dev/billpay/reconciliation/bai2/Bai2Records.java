package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Field layouts of the BAI2 record types. Each method reads one logical record and returns null
 * when any of its fields had a problem (already reported), so no half-read record gets used.
 */
final class Bai2Records {
  private static final Set<String> GROUP_STATUSES = Set.of("1", "2", "3", "4");
  private static final Set<String> AS_OF_DATE_MODIFIERS = Set.of("1", "2", "3", "4");

  /** A 03 record; {@code currency} is empty when the account uses the group's. */
  record AccountIdentifier(String accountNumber, String currency, List<Summary> summaries) {}

  /** A 16 record and its continuations. */
  record Detail(String typeCode, long amountMinor, FundsType funds, String bankReference,
      String customerReference, String text) {}

  /** A 49, 98 or 99 record; {@code units} is the number of accounts (98) or groups (99). */
  record Trailer(OptionalLong total, int totalLine, OptionalInt units, int unitsLine,
      OptionalInt records, int recordsLine) {}

  private Bai2Records() {}

  static FileHeader fileHeader(FieldCursor f) {
    String sender = f.required("sender_identification");
    String receiver = f.required("receiver_identification");
    LocalDate created = f.date("file_creation_date");
    String time = f.time("file_creation_time", true);
    String fileId = f.required("file_identification_number");
    OptionalInt length = f.count("physical_record_length");
    if (length.isPresent() && length.getAsInt() == 0) {
      f.problem("physical_record_length", "must be positive, or empty for variable length");
    }
    OptionalInt blockSize = f.count("block_size");
    String version = f.next();
    if (!version.equals(String.valueOf(FileHeader.VERSION))) {
      f.problem("version_number", "must be 2 (BAI2); was '" + version + "'");
    }
    f.end();
    return f.clean()
        ? new FileHeader(sender, receiver, created, time, fileId, length, blockSize) : null;
  }

  /** {@code currency} comes back as written; the reader applies the USD default. */
  static GroupHeader groupHeader(FieldCursor f) {
    String ultimateReceiver = f.next();
    String originator = f.required("originator_identification");
    String status = f.next();
    if (!GROUP_STATUSES.contains(status)) {
      f.problem("group_status", "must be 1 (update), 2 (deletion), 3 (correction) or 4 (test);"
          + " was '" + status + "'");
    }
    LocalDate asOfDate = f.date("as_of_date");
    String asOfTime = f.time("as_of_time", false);
    String currency = f.currency("currency_code");
    String modifier = f.next();
    if (!modifier.isEmpty() && !AS_OF_DATE_MODIFIERS.contains(modifier)) {
      f.problem("as_of_date_modifier", "must be 1, 2, 3 or 4 when present; was '" + modifier + "'");
    }
    f.end();
    if (!f.clean()) {
      return null;
    }
    return new GroupHeader(ultimateReceiver, originator, Integer.parseInt(status), asOfDate,
        asOfTime, currency, modifier.isEmpty() ? OptionalInt.empty()
            : OptionalInt.of(Integer.parseInt(modifier)));
  }

  static AccountIdentifier accountIdentifier(FieldCursor f) {
    String accountNumber = f.required("customer_account_number");
    String currency = f.currency("currency_code");
    List<Summary> summaries = new ArrayList<>();
    while (f.hasMore()) {
      String typeCode = f.next();
      int typeLine = f.lastLine();
      OptionalLong amount = f.amount("amount", true);
      OptionalInt itemCount = f.count("item_count");
      FundsType funds = funds(f, true);
      if (typeCode.isEmpty()) {
        // a wholly defaulted summary ("03,123,,,,,/") is how a bank reports no summary at all
        if (amount.isPresent() || itemCount.isPresent()
            || (funds != null && !funds.equals(FundsType.UNKNOWN))) {
          f.problemAt(typeLine, "type_code", "is required when a summary has other fields");
        }
      } else if (!isTypeCode(typeCode)) {
        f.problemAt(typeLine, "type_code", "must be three digits; was '" + typeCode + "'");
      } else if (funds != null) {
        summaries.add(new Summary(typeCode, amount, itemCount, funds));
      }
    }
    return f.clean() ? new AccountIdentifier(accountNumber, currency, summaries) : null;
  }

  static Detail transactionDetail(FieldCursor f) {
    String typeCode = f.typeCode("type_code");
    // unsigned: the type code says credit or debit; defaulted only for non-monetary 890s
    OptionalLong amount = f.amount("amount", false);
    FundsType funds = funds(f, false);
    String bankReference = f.reference("bank_reference_number");
    String customerReference = f.reference("customer_reference_number");
    String text = f.rest();
    return f.clean() ? new Detail(typeCode, amount.orElse(0), funds, bankReference,
        customerReference, text) : null;
  }

  /** A 49 (no {@code unitsName}), 98 or 99 trailer. */
  static Trailer trailer(FieldCursor f, String totalName, String unitsName) {
    OptionalLong total = f.requiredAmount(totalName, true);
    int totalLine = f.lastLine();
    OptionalInt units = unitsName == null ? OptionalInt.empty() : f.requiredCount(unitsName);
    int unitsLine = f.lastLine();
    OptionalInt records = f.requiredCount("number_of_records");
    int recordsLine = f.lastLine();
    f.end();
    return new Trailer(total, totalLine, units, unitsLine, records, recordsLine);
  }

  /** The funds type field and the fields its code brings along; null after a problem. */
  static FundsType funds(FieldCursor f, boolean signedAmounts) {
    String code = f.next();
    switch (code) {
      case "", "Z":
        return FundsType.UNKNOWN;
      case "0":
        return FundsType.IMMEDIATE;
      case "1":
        return FundsType.ONE_DAY;
      case "2":
        return FundsType.TWO_OR_MORE_DAYS;
      case "V": {
        LocalDate valueDate = f.date("value_date");
        String valueTime = f.time("value_time", false);
        return valueDate == null ? null : FundsType.valueDated(valueDate, valueTime);
      }
      case "S":
        return FundsType.distributed(
            f.amount("immediate_availability", signedAmounts).orElse(0),
            f.amount("one_day_availability", signedAmounts).orElse(0),
            f.amount("more_than_one_day_availability", signedAmounts).orElse(0));
      case "D":
        return distributions(f, signedAmounts);
      default:
        f.problem("funds_type", "must be 0, 1, 2, V, S, D or Z; was '" + code + "'");
        return null;
    }
  }

  private static boolean isTypeCode(String value) {
    return value.length() == 3 && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static FundsType distributions(FieldCursor f, boolean signedAmounts) {
    OptionalInt count = f.requiredCount("number_of_distributions");
    if (count.isEmpty()) {
      return null;
    }
    List<FundsType.Availability> distributions = new ArrayList<>();
    for (int i = 0; i < count.getAsInt(); i++) {
      OptionalInt days = f.requiredCount("availability_days");
      OptionalLong amount = f.requiredAmount("availability_amount", signedAmounts);
      if (days.isEmpty() || amount.isEmpty()) {
        return null;
      }
      distributions.add(new FundsType.Availability(days.getAsInt(), amount.getAsLong()));
    }
    return FundsType.distributed(distributions);
  }
}
