package dev.billpay.banking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates a whole bank account as entered by a customer and reports every problem at once, so
 * a form can show all of them instead of one per round trip.
 */
public final class BankAccountValidator {
  public static final String NOT_IN_DIRECTORY = "routing_number.not_in_directory";

  static final String ROUTING_NUMBER = "routing_number";
  static final String ACCOUNT_NUMBER = "account_number";
  static final String ACCOUNT_TYPE = "account_type";
  static final String IBAN = "iban";

  private final RoutingDirectory directory;

  /** {@code directory} may be {@link RoutingDirectory#empty()} to skip the membership check. */
  public BankAccountValidator(RoutingDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Checks a US account; problems are reported against the fields {@code routing_number},
   * {@code account_number} and {@code account_type}. Directory membership is only checked for a
   * routing number that is otherwise valid: a malformed number is never in the directory, and
   * saying so too would only add noise.
   */
  public List<ValidationProblem> validateUs(String routingNumber, String accountNumber,
      String accountType) {
    List<ValidationProblem> problems = new ArrayList<>();
    List<ValidationProblem> routingProblems = AbaRoutingNumber.check(routingNumber, ROUTING_NUMBER);
    problems.addAll(routingProblems);
    if (routingProblems.isEmpty() && !directory.isEmpty() && !directory.contains(routingNumber)) {
      problems.add(new ValidationProblem(NOT_IN_DIRECTORY, ROUTING_NUMBER,
          "is not in the routing directory"));
    }
    problems.addAll(UsAccountNumber.check(accountNumber, ACCOUNT_NUMBER));
    problems.addAll(AccountType.check(accountType, ACCOUNT_TYPE));
    return List.copyOf(problems);
  }

  /** Checks an IBAN in print or electronic format; problems are reported against {@code iban}. */
  public List<ValidationProblem> validateIban(String iban) {
    return Iban.check(iban, IBAN);
  }
}
