package dev.billpay.expectedpayments;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.RequestDates;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The body of POST /v1/expected-payments, every problem reported at once under its field's name (nested fields
 * as {@code date_window.end}). An exact amount becomes a range of one value.
 *
 * @param counterpartyName null when not given
 * @param counterpartyAccount null when not given; sensitive: sealed before it is stored, never logged
 * @param reference null when not given
 */
public record CreateExpectedPaymentRequest(Direction direction, boolean exactAmount, long minMinor, long maxMinor,
    String currency, LocalDate windowStart, LocalDate windowEnd, String counterpartyName, String counterpartyAccount,
    String reference, JsonObject metadata) {
  private static final Set<String> FIELDS = Set.of("direction", "amount_minor", "amount_min_minor", "amount_max_minor",
      "currency", "date_window", "counterparty", "reference", "metadata");
  private static final String PRINTABLE = "[\\x20-\\x7E]*[\\x21-\\x7E][\\x20-\\x7E]*";

  public static CreateExpectedPaymentRequest parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    unknown(body, FIELDS, "", errors);
    Object d = body.getValue("direction");
    Direction direction = d instanceof String s ? Direction.fromWire(s).orElse(null) : null;
    if (direction == null) {
      errors.add(new FieldError("direction", d == null ? "is required: credit or debit" : "must be credit or debit"));
    }
    long[] range = amounts(body, errors);
    String currency = currency(body, errors);
    LocalDate[] window = window(body, errors);
    String[] counterparty = counterparty(body, errors);
    String reference = text(body.getValue("reference"), "reference", 140, errors);
    JsonObject metadata = ExpectedPaymentMetadata.parse(body.getValue("metadata"), errors);
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new CreateExpectedPaymentRequest(direction, !body.containsKey("amount_min_minor"), range[0], range[1],
        currency, window[0], window[1], counterparty[0], counterparty[1], reference, metadata);
  }

  private static void unknown(JsonObject object, Set<String> known, String prefix, List<FieldError> errors) {
    object.fieldNames().stream().filter(f -> !known.contains(f)).sorted()
        .forEach(f -> errors.add(new FieldError(prefix + f, "unknown field")));
  }

  /** {min, max}: amount_minor alone, or amount_min_minor with amount_max_minor. */
  private static long[] amounts(JsonObject body, List<FieldError> errors) {
    boolean exact = body.containsKey("amount_minor");
    boolean min = body.containsKey("amount_min_minor");
    boolean max = body.containsKey("amount_max_minor");
    if (exact && (min || max)) {
      errors.add(new FieldError("amount_minor", "give either amount_minor or amount_min_minor and amount_max_minor,"
          + " not both"));
      return new long[2];
    }
    if (exact) {
      long amount = amount(body, "amount_minor", errors);
      return new long[] {amount, amount};
    }
    if (!min && !max) {
      errors.add(new FieldError("amount_minor", "is required (or a range: amount_min_minor and amount_max_minor)"));
      return new long[2];
    }
    long low = amount(body, "amount_min_minor", errors);
    long high = amount(body, "amount_max_minor", errors);
    if (low > 0 && high > 0 && high < low) {
      errors.add(new FieldError("amount_max_minor", "must be at least amount_min_minor"));
    }
    return new long[] {low, high};
  }

  /** A positive integer in minor units; 0 (with an error) when it is not. */
  private static long amount(JsonObject body, String field, List<FieldError> errors) {
    Object v = body.getValue(field);
    if (v == null) {
      errors.add(new FieldError(field, "is required"));
      return 0;
    }
    if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
      errors.add(new FieldError(field, "must be an integer amount in minor units (12550 = 125.50)"));
      return 0;
    }
    BigInteger n = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    if (n.signum() <= 0 || n.bitLength() > 62) {
      errors.add(new FieldError(field, n.signum() <= 0 ? "must be greater than zero" : "is far too large"));
      return 0;
    }
    return n.longValue();
  }

  private static String currency(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("currency");
    if (v == null) {
      errors.add(new FieldError("currency", "is required"));
      return null;
    }
    try {
      if (v instanceof String s && s.matches("[A-Z]{3}") && Currency.getInstance(s).getDefaultFractionDigits() >= 0) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // not ISO 4217: reported below
    }
    errors.add(new FieldError("currency", "must be an ISO 4217 code with a minor unit, such as USD"));
    return null;
  }

  private static LocalDate[] window(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("date_window");
    if (!(v instanceof JsonObject w)) {
      errors.add(new FieldError("date_window", v == null ? "is required: {\"start\": ..., \"end\": ...}"
          : "must be an object {\"start\": \"2026-12-01\", \"end\": \"2026-12-05\"}"));
      return new LocalDate[2];
    }
    unknown(w, Set.of("start", "end"), "date_window.", errors);
    LocalDate start = date(w.getValue("start"), "date_window.start", errors);
    LocalDate end = date(w.getValue("end"), "date_window.end", errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new FieldError("date_window.end", "must be on or after date_window.start"));
    }
    return new LocalDate[] {start, end};
  }

  private static LocalDate date(Object v, String field, List<FieldError> errors) {
    if (v == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    return RequestDates.optional(v, field, errors);
  }

  /** {name, account number}, each null when absent. */
  private static String[] counterparty(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("counterparty");
    if (v == null) {
      return new String[2];
    }
    if (!(v instanceof JsonObject c) || c.isEmpty()) {
      errors.add(new FieldError("counterparty", "must be an object with a name, an account_number or both"));
      return new String[2];
    }
    unknown(c, Set.of("name", "account_number"), "counterparty.", errors);
    String name = text(c.getValue("name"), "counterparty.name", 140, errors);
    Object account = c.getValue("account_number");
    if (account != null && !(account instanceof String s && s.matches("[A-Za-z0-9]{4,34}"))) {
      // the value is never echoed: it is an account number
      errors.add(new FieldError("counterparty.account_number", "must be 4-34 letters or digits (an account number"
          + " or IBAN without spaces)"));
      account = null;
    }
    return new String[] {name, (String) account};
  }

  private static String text(Object v, String field, int max, List<FieldError> errors) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s && s.length() <= max && s.matches(PRINTABLE)) {
      return s;
    }
    errors.add(new FieldError(field, "must be 1-" + max + " printable ASCII characters, not blank"));
    return null;
  }
}
