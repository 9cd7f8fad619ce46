package dev.billpay.payments;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.RequestDates;
import dev.billpay.shared.Money;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** The body of POST /v1/payments, validated field by field; every problem is reported at once. */
public record CreatePaymentRequest(
    String fundingAccountId, String payeeId, Money amount, String reference, LocalDate scheduledFor,
    PaymentSpeed speed) {
  private static final Set<String> FIELDS =
      Set.of("funding_account_id", "payee_id", "amount", "currency", "reference", "scheduled_for", "speed");
  private static final String REFERENCE_CHARS = "[\\x20-\\x7E]{1,64}";

  /** Shapes and types only; limits and references to other resources are the service's business (422). */
  public static CreatePaymentRequest parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(name, "unknown field"));
      }
    }
    String fundingAccountId = id(body, "funding_account_id", "fa_", errors);
    String payeeId = id(body, "payee_id", "pe_", errors);
    Currency currency = currency(body, errors);
    Long amount = amount(body, errors);
    LocalDate scheduledFor = date(body, "scheduled_for", errors);
    PaymentSpeed speed = speed(body, errors);
    String reference = null;
    Object ref = body.getValue("reference");
    if (ref != null) {
      if (!(ref instanceof String s) || !s.matches(REFERENCE_CHARS)) {
        errors.add(new FieldError("reference", "must be 1-64 printable ASCII characters"));
      } else {
        reference = s;
      }
    }
    if (currency != null && amount != null && currency.getDefaultFractionDigits() < 0) {
      errors.add(new FieldError("currency", "has no minor unit and cannot be paid"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new CreatePaymentRequest(fundingAccountId, payeeId, new Money(amount, currency), reference, scheduledFor,
        speed);
  }

  /**
   * Standard unless the client asks for same-day: clients that never heard of speed keep their behaviour. An explicit
   * null is refused, as the contract refuses it.
   */
  static PaymentSpeed speed(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("speed");
    if (v == null && !body.containsKey("speed")) {
      return PaymentSpeed.STANDARD;
    }
    java.util.Optional<PaymentSpeed> speed = v instanceof String s ? PaymentSpeed.parse(s) : java.util.Optional.empty();
    if (speed.isEmpty()) {
      errors.add(new FieldError("speed", "must be standard or same_day"));
    }
    return speed.orElse(null);
  }

  private static String id(JsonObject body, String field, String prefix, List<FieldError> errors) {
    Object v = body.getValue(field);
    if (v == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (!(v instanceof String s) || !s.startsWith(prefix) || !s.substring(prefix.length()).matches("[0-9A-Za-z]{1,64}")) {
      errors.add(new FieldError(field, "must be an id like " + prefix + "01JD..."));
      return null;
    }
    return s;
  }

  private static Currency currency(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("currency");
    if (v == null) {
      errors.add(new FieldError("currency", "is required"));
      return null;
    }
    if (v instanceof String s && s.matches("[A-Z]{3}")) {
      try {
        return Currency.getInstance(s);
      } catch (IllegalArgumentException e) {
        // fall through to the error below
      }
    }
    errors.add(new FieldError("currency", "must be an ISO 4217 code such as USD"));
    return null;
  }

  private static LocalDate date(JsonObject body, String field, List<FieldError> errors) {
    return RequestDates.optional(body.getValue(field), field, errors);
  }

  private static Long amount(JsonObject body, List<FieldError> errors) {
    Object v = body.getValue("amount");
    if (v == null) {
      errors.add(new FieldError("amount", "is required"));
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
      errors.add(new FieldError("amount", "must be an integer amount in minor units (12550 = 125.50)"));
      return null;
    }
    BigInteger n = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    if (n.signum() <= 0) {
      errors.add(new FieldError("amount", "must be greater than zero"));
      return null;
    }
    if (n.bitLength() > 62) {
      errors.add(new FieldError("amount", "is far too large"));
      return null;
    }
    return n.longValue();
  }
}
