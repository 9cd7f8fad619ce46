package dev.billpay.banknotifications;

import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.ReturnCodes;
import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a bank notification's JSON body (the schema is in docs/bank-notifications.md) into a
 * {@link BankNotification}, or refuses it with every offending field named: 400 when it is not a JSON object,
 * 422 {@code bank-notification-invalid} otherwise. Nothing is applied from a body that is refused.
 */
final class NotificationBody {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9 -]{1,34}");
  private static final Pattern TYPE = Pattern.compile("incoming_credit|settlement|return|notification_of_change");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern DIRECTION = Pattern.compile("credit|debit");
  private static final Pattern TRACE = Pattern.compile("\\d{15}");
  private static final Pattern CODE = Pattern.compile("[RC]\\d{2}");
  /** What a NACHA addenda carries: upper-case letters, digits and the punctuation its character set allows. */
  private static final Pattern ADDENDA_TEXT = Pattern.compile("[A-Za-z0-9 .,/&'()*+:;=?!@#$%-]{1,44}");
  private static final Pattern CORRECTED_DATA = Pattern.compile("[A-Za-z0-9 -]{1,29}");
  /** Large enough for any real transfer, small enough that sums of many never overflow a long. */
  private static final long MAX_TRANSFER_MINOR = 1_000_000_000_000_000L;
  private static final Set<String> COMMON = Set.of("id", "type", "account");
  private static final Set<String> TRANSFER_FIELDS = Set.of("amount_minor", "currency", "direction", "value_date",
      "bank_reference", "end_to_end_reference", "remittance", "structured_references", "counterparty");
  private static final Set<String> RETURN_FIELDS = Set.of("original_trace_number", "return_code", "amount_minor",
      "currency", "original_effective_date", "addenda_information");
  private static final Set<String> CHANGE_FIELDS = Set.of("original_trace_number", "change_code", "corrected_data",
      "original_effective_date");

  private NotificationBody() {}

  static BankNotification parse(String body) {
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw DomainException.malformed("The notification body is not valid JSON.");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw DomainException.malformed("The notification body must be a JSON object.");
    }
    BodyFields fields = new BodyFields(object, "", new ArrayList<>());
    String id = fields.text("id", true, ID, "1-100 characters of A-Z a-z 0-9 . _ : -");
    String type = fields.text("type", true, TYPE, "one of incoming_credit, settlement, return,"
        + " notification_of_change");
    String account = fields.text("account", false, ACCOUNT, "our account at the bank: 1-34 letters, digits, spaces"
        + " or dashes");
    BankNotification read = type == null ? null : switch (type) {
      case "return" -> returned(fields, id);
      case "notification_of_change" -> change(fields, id);
      default -> transfer(fields, id, type, account);
    };
    if (!fields.errors().isEmpty()) {
      throw invalid(fields.errors());
    }
    return read;
  }

  static DomainException invalid(List<FieldError> errors) {
    return new DomainException(ProblemType.BANK_NOTIFICATION_INVALID, "The notification has " + errors.size()
        + " invalid field(s); nothing was stored or applied.", errors);
  }

  private static BankNotification transfer(BodyFields f, String id, String type, String account) {
    f.onlyKnown(union(TRANSFER_FIELDS));
    long amount = f.positiveAmount("amount_minor", MAX_TRANSFER_MINOR);
    String currency = currency(f, true);
    boolean incoming = type.equals("incoming_credit");
    String direction = f.text("direction", !incoming, DIRECTION, "credit or debit");
    if (incoming && "debit".equals(direction)) {
      f.problem("direction", "an incoming_credit is always a credit");
    }
    LocalDate valueDate = f.date("value_date", true);
    String bankReference = f.freeText("bank_reference", 100);
    String endToEnd = f.freeText("end_to_end_reference", 100);
    String remittance = f.freeText("remittance", 1000);
    List<String> structured = f.texts("structured_references", 20, 100);
    String[] counterparty = counterparty(f.object("counterparty"));
    if (!f.errors().isEmpty()) {
      return null;
    }
    Flow flow = "debit".equals(direction) ? Flow.DEBIT : Flow.CREDIT;
    return new BankNotification.Transfer(id, type, account, new BankTransaction(id, 1, flow,
        incoming ? Family.TRANSFER : Family.ACH_SETTLEMENT, amount, currency, valueDate, bankReference, endToEnd,
        remittance, structured, counterparty[0], counterparty[1], false, "NOTIFICATION/" + type));
  }

  /** The payer's (or payee's) name and account; both "" when the bank names neither. */
  private static String[] counterparty(BodyFields counterparty) {
    if (counterparty == null) {
      return new String[] {"", ""};
    }
    counterparty.onlyKnown(Set.of("name", "account"));
    return new String[] {counterparty.freeText("name", 140), counterparty.freeText("account", 34)};
  }

  private static BankNotification returned(BodyFields f, String id) {
    f.onlyKnown(union(RETURN_FIELDS));
    String trace = originalTrace(f);
    String code = nachaCode(f, "return_code", ReturnCodes::isReturnCode, "return reason code (R01-R85)");
    long amount = f.positiveAmount("amount_minor", EntryDetail.MAX_AMOUNT_CENTS);
    // ACH moves dollars only: a currency, when the bank names one, must say so
    String currency = f.text("currency", false, CURRENCY, "USD: an ACH return is in dollars");
    if (currency != null && !currency.isEmpty() && !currency.equals("USD")) {
      f.problem("currency", "must be USD: an ACH return is in dollars");
    }
    LocalDate effective = f.date("original_effective_date", true);
    String information = f.text("addenda_information", false, ADDENDA_TEXT, "at most 44 characters a NACHA"
        + " addenda can carry");
    return f.errors().isEmpty()
        ? new BankNotification.Return(id, trace, code, amount, effective, information) : null;
  }

  private static BankNotification change(BodyFields f, String id) {
    f.onlyKnown(union(CHANGE_FIELDS));
    String trace = originalTrace(f);
    String code = nachaCode(f, "change_code", ReturnCodes::isChangeCode, "change code (C01-C13)");
    String corrected = f.text("corrected_data", true, CORRECTED_DATA, "1-29 letters, digits, spaces or dashes,"
        + " laid out as the change code prescribes");
    LocalDate effective = f.date("original_effective_date", false);
    return f.errors().isEmpty() ? new BankNotification.Change(id, trace, code, corrected, effective) : null;
  }

  private static String originalTrace(BodyFields f) {
    return f.text("original_trace_number", true, TRACE, "the 15-digit trace number of the entry we sent");
  }

  /** A code of the NACHA list {@code known} accepts; null (noted) otherwise. */
  private static String nachaCode(BodyFields f, String field, java.util.function.Predicate<String> known,
      String rule) {
    String code = f.text(field, true, CODE, "a NACHA " + rule);
    if (code != null && !known.test(code)) {
      f.problem(field, "is not a NACHA " + rule);
      return null;
    }
    return code;
  }

  /** An ISO 4217 currency that has minor units; null (noted) otherwise. */
  private static String currency(BodyFields f, boolean required) {
    String code = f.text("currency", required, CURRENCY, "an ISO 4217 currency code such as USD");
    if (code == null || code.isEmpty()) {
      return code;
    }
    try {
      if (Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
        return code;
      }
    } catch (IllegalArgumentException e) {
      // unknown code: noted below
    }
    f.problem("currency", "is not an ISO 4217 currency of money");
    return null;
  }

  private static Set<String> union(Set<String> specific) {
    Set<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(specific);
    return all;
  }
}
