package dev.billpay.banking;

import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Builds valid bank numbers straight from the published algorithms, deliberately without the
 * production code, so property tests compare two independent implementations.
 */
final class ValidBankNumbers {
  /** Federal Reserve routing symbols: 00-12, 21-32, 61-72 and 80. */
  static final List<String> ABA_PREFIXES = Stream.of(
          IntStream.rangeClosed(0, 12), IntStream.rangeClosed(21, 32),
          IntStream.rangeClosed(61, 72), IntStream.of(80))
      .flatMapToInt(range -> range)
      .mapToObj(prefix -> String.format("%02d", prefix))
      .toList();

  private static final int[] ABA_WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7, 1};
  private static final Pattern BBAN_SEGMENT = Pattern.compile("(\\d+)!([nac])");
  private static final List<Character> DIGITS = characters("0123456789");
  private static final List<Character> LETTERS = characters("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  private static final List<Character> ALPHANUMERICS =
      characters("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

  private ValidBankNumbers() {}

  /** Valid ABA routing numbers: a random valid prefix, six random digits, the check digit. */
  static Gen<String> abaRoutingNumbers() {
    return Generate.pick(ABA_PREFIXES).zip(integers().between(0, 999_999),
        (prefix, middle) -> withAbaCheckDigit(prefix + String.format("%06d", middle)));
  }

  /** Valid IBANs (electronic format) of random registry countries. */
  static Gen<String> ibans() {
    return Generate.pick(new ArrayList<>(IbanRegistry.countries())).flatMap(ValidBankNumbers::ibans);
  }

  /** Valid IBANs of one country: a random BBAN of its structure and computed check digits. */
  static Gen<String> ibans(IbanRegistry.Country country) {
    return source -> {
      StringBuilder bban = new StringBuilder();
      Matcher segment = BBAN_SEGMENT.matcher(country.bbanStructure());
      while (segment.find()) {
        Gen<Character> characters = Generate.pick(alphabet(segment.group(2)));
        for (int i = Integer.parseInt(segment.group(1)); i > 0; i--) {
          bban.append(characters.generate(source));
        }
      }
      return withIbanCheckDigits(country.code(), bban.toString());
    };
  }

  /** Appends the digit that makes 3-7-1 weighted sum of all nine digits a multiple of 10. */
  static String withAbaCheckDigit(String firstEightDigits) {
    int sum = abaWeightedSum(firstEightDigits + "0");
    return firstEightDigits + (10 - sum % 10) % 10;
  }

  static int abaWeightedSum(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += ABA_WEIGHTS[i] * (nineDigits.charAt(i) - '0');
    }
    return sum;
  }

  /** The plain definition of a valid routing number, written out once more for comparison. */
  static boolean isValidAba(String nineDigits) {
    return abaWeightedSum(nineDigits) % 10 == 0 && ABA_PREFIXES.contains(nineDigits.substring(0, 2));
  }

  /** ISO 13616 check digits: 98 minus (BBAN + country + "00", letters as 10..35) mod 97. */
  static String withIbanCheckDigits(String countryCode, String bban) {
    BigInteger number = new BigInteger(asDigits(bban + countryCode + "00"));
    int checkDigits = 98 - number.mod(BigInteger.valueOf(97)).intValue();
    return countryCode + String.format("%02d", checkDigits) + bban;
  }

  /** The number of characters a BBAN of {@code structure} (registry notation) has. */
  static int bbanLength(String structure) {
    Matcher segment = BBAN_SEGMENT.matcher(structure);
    int length = 0;
    while (segment.find()) {
      length += Integer.parseInt(segment.group(1));
    }
    return length;
  }

  /** Letters and digits as ISO 7064 reads them: A = 10 ... Z = 35, digits as themselves. */
  static String asDigits(String lettersAndDigits) {
    StringBuilder digits = new StringBuilder();
    lettersAndDigits.chars().forEach(c -> digits.append(Character.getNumericValue(c)));
    return digits.toString();
  }

  private static List<Character> alphabet(String characterClass) {
    return switch (characterClass) {
      case "n" -> DIGITS;
      case "a" -> LETTERS;
      default -> ALPHANUMERICS;
    };
  }

  private static List<Character> characters(String alphabet) {
    return alphabet.chars().mapToObj(c -> (char) c).toList();
  }
}
