package dev.billpay.banking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validates a whole bank account as entered by a customer and reports every problem at once, so
 * a form can show all of them instead of one per round trip.
 */
public final class BankAccountValidator {
  /** Not in the FedACH participant directory: an ACH debit cannot reach the bank. */
  public static final String NOT_ACH_PARTICIPANT = "routing_number.not_ach_participant";
  /** The directory names a new number for this one (record type 2); the problem suggests it. */
  public static final String REPLACED = "routing_number.replaced";

  static final String ROUTING_NUMBER = "routing_number";
  static final String ACCOUNT_NUMBER = "account_number";
  static final String ACCOUNT_TYPE = "account_type";
  static final String IBAN = "iban";

  private final Supplier<RoutingDirectory> directories;

  /** {@code directory} may be {@link RoutingDirectory#empty()} to skip the membership check. */
  public BankAccountValidator(RoutingDirectory directory) {
    this(RoutingDirectorySource.fixed(directory));
  }

  /** Validates with whatever directory {@code directories} holds at the time (it can be reloaded). */
  public BankAccountValidator(Supplier<RoutingDirectory> directories) {
    this.directories = Objects.requireNonNull(directories, "directories");
  }

  /**
   * Checks a US account; problems are reported against the fields {@code routing_number},
   * {@code account_number} and {@code account_type}. Directory membership is only checked for a
   * routing number that is otherwise valid: a malformed number is never in the directory, and
   * saying so too would only add noise. A replaced number is still a participant (the Fed lists it
   * and forwards its items) but is refused with the new number as the suggestion, so an account is
   * never stored on a number that is being retired.
   */
  public List<ValidationProblem> validateUs(String routingNumber, String accountNumber,
      String accountType) {
    List<ValidationProblem> problems = new ArrayList<>();
    List<ValidationProblem> routingProblems = AbaRoutingNumber.check(routingNumber, ROUTING_NUMBER);
    problems.addAll(routingProblems);
    if (routingProblems.isEmpty()) {
      directoryProblem(directories.get(), routingNumber).ifPresent(problems::add);
    }
    problems.addAll(UsAccountNumber.check(accountNumber, ACCOUNT_NUMBER));
    problems.addAll(AccountType.check(accountType, ACCOUNT_TYPE));
    return List.copyOf(problems);
  }

  /** The bank's name, when a directory is loaded and lists the number. */
  public Optional<String> bankName(String routingNumber) {
    return directories.get().bankName(routingNumber);
  }

  private static Optional<ValidationProblem> directoryProblem(RoutingDirectory directory, String routingNumber) {
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    if (!directory.contains(routingNumber)) {
      return Optional.of(new ValidationProblem(NOT_ACH_PARTICIPANT, ROUTING_NUMBER,
          "is not a FedACH participant: an ACH debit cannot reach this bank"));
    }
    return directory.replacement(routingNumber).map(next -> new ValidationProblem(REPLACED, ROUTING_NUMBER,
        "was replaced by " + next + directory.bankName(next).map(name -> " (" + name + ")").orElse("")
            + "; use the new routing number", next));
  }

  /** Checks an IBAN in print or electronic format; problems are reported against {@code iban}. */
  public List<ValidationProblem> validateIban(String iban) {
    return Iban.check(iban, IBAN);
  }
}
