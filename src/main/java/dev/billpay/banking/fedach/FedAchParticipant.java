package dev.billpay.banking.fedach;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One FedACH participant record: an institution that can receive ACH entries (an RDFI), as the
 * Federal Reserve's E-Payments Routing Directory lists it. Descriptive fields are kept as
 * published (trimmed); the ones the gateway acts on are checked when the record is read.
 *
 * @param newRoutingNumber the replacing number when {@link #recordTypeCode()} is 2, else null
 */
public record FedAchParticipant(String routingNumber, char officeCode, String servicingFrbNumber,
    char recordTypeCode, String changeDate, String newRoutingNumber, String customerName, String city,
    String stateCode) {
  private static final String NO_NEW_NUMBER = "000000000";

  public FedAchParticipant {
    Objects.requireNonNull(routingNumber, "routingNumber");
    Objects.requireNonNull(customerName, "customerName");
  }

  /** Record type 2: items go to another routing number, after a merger or renumbering. */
  public Optional<String> replacedBy() {
    return Optional.ofNullable(newRoutingNumber);
  }

  /** Record type 0: the institution is a Federal Reserve Bank. */
  public boolean isFederalReserveBank() {
    return recordTypeCode == '0';
  }

  /**
   * Checks a record's raw fields and builds it; every problem goes to {@code problems} (named with
   * {@code label}, e.g. "positions 1-9" or "routingNumber") and the answer is then empty.
   */
  static Optional<FedAchParticipant> of(Map<FedAchField, String> raw, Function<FedAchField, String> label,
      Consumer<String> problems) {
    Checks checks = new Checks(raw, label, problems);
    String routingNumber = checks.nineDigits(FedAchField.ROUTING_NUMBER);
    String office = checks.oneOf(FedAchField.OFFICE_CODE, "OB", "O (main office) or B (branch)");
    String servicing = checks.nineDigits(FedAchField.SERVICING_FRB_NUMBER);
    String type = checks.oneOf(FedAchField.RECORD_TYPE_CODE, "012",
        "0 (a Federal Reserve Bank), 1 (this number) or 2 (the new routing number)");
    String changeDate = checks.monthDayYear(FedAchField.CHANGE_DATE);
    String newNumber = checks.nineDigits(FedAchField.NEW_ROUTING_NUMBER);
    String name = checks.nonBlank(FedAchField.CUSTOMER_NAME);
    if ("2".equals(type) && newNumber != null && (newNumber.equals(NO_NEW_NUMBER) || newNumber.equals(routingNumber))) {
      checks.problem(FedAchField.NEW_ROUTING_NUMBER, "record type 2 needs the number that replaces this one");
    }
    if (checks.failed()) {
      return Optional.empty();
    }
    return Optional.of(new FedAchParticipant(routingNumber, office.charAt(0), servicing, type.charAt(0),
        changeDate, "2".equals(type) ? newNumber : null, name, checks.text(FedAchField.CITY),
        checks.text(FedAchField.STATE_CODE)));
  }

  /** The checks of one record's fields; remembers whether any failed. */
  private static final class Checks {
    private final Map<FedAchField, String> raw;
    private final Function<FedAchField, String> label;
    private final Consumer<String> problems;
    private boolean failed;

    Checks(Map<FedAchField, String> raw, Function<FedAchField, String> label, Consumer<String> problems) {
      this.raw = raw;
      this.label = label;
      this.problems = problems;
    }

    String text(FedAchField field) {
      String value = raw.get(field);
      return value == null ? "" : value.strip();
    }

    /** A field the gateway acts on: absent (only possible in JSON) is a problem of its own. */
    private String required(FedAchField field) {
      return raw.containsKey(field) ? text(field) : problem(field, "is missing");
    }

    String nineDigits(FedAchField field) {
      String value = required(field);
      if (value == null) {
        return null;
      }
      if (value.length() != 9 || !digits(value)) {
        return problem(field, "must be 9 digits, was '" + value + "'");
      }
      return value;
    }

    String oneOf(FedAchField field, String allowed, String meaning) {
      String value = required(field);
      if (value == null) {
        return null;
      }
      if (value.length() != 1 || allowed.indexOf(value.charAt(0)) < 0) {
        return problem(field, "must be " + meaning + ", was '" + value + "'");
      }
      return value;
    }

    String monthDayYear(FedAchField field) {
      String value = required(field);
      if (value == null) {
        return null;
      }
      boolean valid = value.length() == 6 && digits(value);
      if (valid) {
        int month = Integer.parseInt(value.substring(0, 2));
        int day = Integer.parseInt(value.substring(2, 4));
        valid = month >= 1 && month <= 12 && day >= 1 && day <= 31;
      }
      return valid ? value : problem(field, "must be a date as MMDDYY, was '" + value + "'");
    }

    String nonBlank(FedAchField field) {
      String value = required(field);
      if (value == null) {
        return null;
      }
      return value.isEmpty() ? problem(field, "must not be blank") : value;
    }

    String problem(FedAchField field, String message) {
      failed = true;
      problems.accept(label.apply(field) + ": " + message);
      return null;
    }

    boolean failed() {
      return failed;
    }

    private static boolean digits(String value) {
      return value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
  }
}
