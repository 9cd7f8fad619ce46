package dev.billpay.banking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an International Bank Account Number (ISO 13616) against the {@link IbanRegistry}:
 * country, length, BBAN structure and the MOD 97-10 check digits.
 *
 * <p>Input may be in print format (groups separated by spaces, any case); the
 * {@linkplain #electronicFormat(String) electronic format} is what should be stored.
 */
public final class Iban {
  public static final String FORMAT = "iban.format";
  public static final String COUNTRY = "iban.country";
  public static final String LENGTH = "iban.length";
  public static final String BBAN_FORMAT = "iban.bban_format";
  public static final String CHECKSUM = "iban.checksum";

  /** Two letters of country code and two check digits. */
  private static final int HEADER_LENGTH = 4;
  private static final int PRINT_GROUP = 4;

  private Iban() {}

  /**
   * Returns every problem with {@code iban}, reported against {@code field}; an empty list means
   * it is valid. Checks that need what an earlier one found wrong are skipped (no BBAN structure
   * check when the length is wrong), but independent ones all run: an unknown country still gets
   * its check digits verified.
   */
  public static List<ValidationProblem> check(String iban, String field) {
    if (iban == null) {
      return List.of(new ValidationProblem(FORMAT, field, "is required"));
    }
    // checked before upper-casing, which would turn e.g. a Turkish dotless i into an ASCII I
    if (!iban.chars().allMatch(c -> c == ' ' || isLetterOrDigit(c))) {
      return List.of(new ValidationProblem(FORMAT, field,
          "may contain only letters, digits and spaces"));
    }
    String electronic = electronicFormat(iban);
    if (electronic.length() < HEADER_LENGTH) {
      return List.of(new ValidationProblem(FORMAT, field,
          "is too short to hold a country code and check digits"));
    }
    List<ValidationProblem> problems = new ArrayList<>(2);
    String countryCode = electronic.substring(0, 2);
    Optional<IbanRegistry.Country> country = IbanRegistry.country(countryCode);
    if (country.isEmpty()) {
      problems.add(new ValidationProblem(COUNTRY, field,
          "'" + countryCode + "' is not an IBAN country"));
    } else {
      checkCountryFormat(electronic, country.get(), field, problems);
    }
    checkDigits(electronic, field).ifPresent(problems::add);
    return List.copyOf(problems);
  }

  /** Strips spaces and upper-cases: {@code "gb82 west 1234 5698 7654 32"} to the stored form. */
  public static String electronicFormat(String iban) {
    Objects.requireNonNull(iban, "iban");
    return iban.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** Groups of four separated by single spaces, the way IBANs are printed for people. */
  public static String printFormat(String electronic) {
    String iban = electronicFormat(electronic);
    StringBuilder printed = new StringBuilder(iban.length() + iban.length() / PRINT_GROUP);
    for (int i = 0; i < iban.length(); i += PRINT_GROUP) {
      if (i > 0) {
        printed.append(' ');
      }
      printed.append(iban, i, Math.min(i + PRINT_GROUP, iban.length()));
    }
    return printed.toString();
  }

  private static void checkCountryFormat(String electronic, IbanRegistry.Country country,
      String field, List<ValidationProblem> problems) {
    if (electronic.length() != country.length()) {
      problems.add(new ValidationProblem(LENGTH, field, "must be " + country.length()
          + " characters for " + country.code() + ", not " + electronic.length()));
    } else if (!country.bbanMatches(electronic.substring(HEADER_LENGTH))) {
      problems.add(new ValidationProblem(BBAN_FORMAT, field, "account part does not match the "
          + country.code() + " format " + country.bbanStructure()));
    }
  }

  private static Optional<ValidationProblem> checkDigits(String electronic, String field) {
    if (!hasCheckDigitsInRange(electronic) || IbanChecksum.remainder(electronic) != 1) {
      return Optional.of(new ValidationProblem(CHECKSUM, field, "check digits do not match"));
    }
    return Optional.empty();
  }

  /**
   * ISO 13616 check digits are 02-98. Mod 97 alone would also accept letters there, or 00, 01
   * and 99 where 97, 98 and 02 belong, since those differ by exactly 97.
   */
  private static boolean hasCheckDigitsInRange(String electronic) {
    if (!isDigit(electronic.charAt(2)) || !isDigit(electronic.charAt(3))) {
      return false;
    }
    int checkDigits = Integer.parseInt(electronic.substring(2, 4));
    return checkDigits >= 2 && checkDigits <= 98;
  }

  private static boolean isLetterOrDigit(int c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
