package dev.billpay.accounts;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of POST /v1/funding-accounts and /v1/bank-account-validations: shapes only. Whether the
 * numbers are valid bank numbers is the banking module's answer (422 with a code per problem).
 */
public record CreateFundingAccountRequest(
    String type, String holderName, String routingNumber, String accountNumber, String accountType, String iban,
    VerificationMethod verificationMethod) {
  private static final Set<String> US_FIELDS =
      Set.of("type", "holder_name", "routing_number", "account_number", "account_type", "verification_method");
  private static final Set<String> IBAN_FIELDS = Set.of("type", "holder_name", "iban");

  public static CreateFundingAccountRequest parse(JsonObject body, boolean holderRequired) {
    List<FieldError> errors = new ArrayList<>();
    Object type = body.getValue("type");
    if (!FundingAccount.US.equals(type) && !FundingAccount.IBAN.equals(type)) {
      throw DomainException.validation("type", "must be us_bank_account or iban");
    }
    Set<String> allowed = FundingAccount.US.equals(type) ? US_FIELDS : IBAN_FIELDS;
    body.fieldNames().stream().filter(f -> !allowed.contains(f))
        .forEach(f -> errors.add(new FieldError(f, "unknown field for type " + type)));
    String holder = text(body, "holder_name", 140, holderRequired, errors);
    CreateFundingAccountRequest req = FundingAccount.US.equals(type)
        ? new CreateFundingAccountRequest(FundingAccount.US, holder, text(body, "routing_number", 64, true, errors),
            text(body, "account_number", 64, true, errors), text(body, "account_type", 32, true, errors), null,
            method(body.getValue("verification_method"), "verification_method", errors))
        : new CreateFundingAccountRequest(FundingAccount.IBAN, holder, null, null, null,
            text(body, "iban", 64, true, errors), null);
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return req;
  }

  /** A verification method by its wire name; null when the field is absent. */
  static VerificationMethod method(Object value, String field, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    VerificationMethod method = value instanceof String s ? VerificationMethod.fromWire(s).orElse(null) : null;
    if (method == null) {
      errors.add(new FieldError(field, "must be prenote, micro_entries or external"));
    }
    return method;
  }

  static String text(JsonObject body, String field, int max, boolean required, List<FieldError> errors) {
    Object v = body.getValue(field);
    if (v == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.length() > max || s.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "must be a non-blank string of at most " + max + " characters"));
      return null;
    }
    return s.strip();
  }
}
