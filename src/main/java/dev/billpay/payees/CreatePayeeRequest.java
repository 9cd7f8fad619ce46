package dev.billpay.payees;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The body of POST /v1/payees. */
public record CreatePayeeRequest(String displayName, String billerId, String accountNumber) {
  private static final Set<String> FIELDS = Set.of("display_name", "biller_id", "account_number");

  public static CreatePayeeRequest parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f))
        .forEach(f -> errors.add(new FieldError(f, "unknown field")));
    String name = matching(body, "display_name", "[^\\p{Cntrl}]{1,140}", "must be 1-140 printable characters", errors);
    String biller = matching(body, "biller_id", "[A-Za-z0-9_.-]{1,64}",
        "must be 1-64 letters, digits, '.', '_' or '-'", errors);
    String account = matching(body, "account_number", "[A-Za-z0-9]{4,34}",
        "must be the biller account number: 4-34 letters or digits", errors);
    if (name != null && name.isBlank()) {
      errors.add(new FieldError("display_name", "must not be blank"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return new CreatePayeeRequest(name.strip(), biller, account);
  }

  private static String matching(JsonObject body, String field, String regex, String message, List<FieldError> errors) {
    Object v = body.getValue(field);
    if (v == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (!(v instanceof String s) || !s.matches(regex)) {
      errors.add(new FieldError(field, message));
      return null;
    }
    return s;
  }
}
