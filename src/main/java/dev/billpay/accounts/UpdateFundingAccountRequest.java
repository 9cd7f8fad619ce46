package dev.billpay.accounts;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of PATCH /v1/funding-accounts/{id}: the fields to change, each optional (absent keeps the
 * stored value). The bank details of an IBAN account are not changed in place: a new IBAN is a new
 * funding account.
 */
public record UpdateFundingAccountRequest(String holderName, String routingNumber, String accountNumber,
    String accountType) {
  private static final Set<String> FIELDS = Set.of("holder_name", "routing_number", "account_number", "account_type");

  public static UpdateFundingAccountRequest parse(JsonObject body) {
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f))
        .forEach(f -> errors.add(new FieldError(f, "unknown field; a funding account changes only holder_name,"
            + " routing_number, account_number and account_type")));
    UpdateFundingAccountRequest req = new UpdateFundingAccountRequest(
        CreateFundingAccountRequest.text(body, "holder_name", 140, false, errors),
        CreateFundingAccountRequest.text(body, "routing_number", 64, false, errors),
        CreateFundingAccountRequest.text(body, "account_number", 64, false, errors),
        CreateFundingAccountRequest.text(body, "account_type", 32, false, errors));
    if (errors.isEmpty() && body.isEmpty()) {
      errors.add(new FieldError("body", "names no field to change"));
    }
    if (!errors.isEmpty()) {
      throw DomainException.validation(errors);
    }
    return req;
  }

  boolean changesBankDetails() {
    return routingNumber != null || accountNumber != null || accountType != null;
  }
}
