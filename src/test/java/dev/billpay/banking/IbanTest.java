package dev.billpay.banking;

import static dev.billpay.banking.ValidBankNumbers.asDigits;
import static dev.billpay.banking.ValidBankNumbers.ibans;
import static dev.billpay.banking.ValidBankNumbers.withIbanCheckDigits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IBANs")
class IbanTest {
  private static final String FIELD = "iban";
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Test
  @DisplayName("generated IBANs of every registry country pass in electronic and print format")
  void generatedIbansPassForEveryCountry() {
    for (IbanRegistry.Country country : IbanRegistry.countries()) {
      qt().withExamples(50).forAll(ibans(country)).checkAssert(iban -> {
        assertThat(Iban.check(iban, FIELD)).as(iban).isEmpty();
        String printed = Iban.printFormat(iban);
        assertThat(Iban.check(printed, FIELD)).as(printed).isEmpty();
        assertThat(Iban.check(printed.toLowerCase(Locale.ROOT), FIELD)).as(printed).isEmpty();
      });
    }
  }

  @Test
  @DisplayName("well-known example IBANs pass")
  void knownExamplesPass() {
    for (String iban : List.of("DE89370400440532013000", "GB82WEST12345698765432",
        "FR1420041010050500013M02606", "NL91ABNA0417164300", "GB82 WEST 1234 5698 7654 32")) {
      assertThat(Iban.check(iban, FIELD)).as(iban).isEmpty();
    }
  }

  @Test
  @DisplayName("replacing any character with another of the same kind fails: mod 97 catches single substitutions")
  void singleSubstitutionsFail() {
    qt().withExamples(300).forAll(ibans()).checkAssert(iban -> {
      for (int i = 0; i < iban.length(); i++) {
        char original = iban.charAt(i);
        String sameKind = Character.isDigit(original) ? DIGITS : LETTERS;
        for (char replacement : sameKind.toCharArray()) {
          if (replacement != original) {
            String changed = Mutations.replace(iban, i, replacement);
            assertThat(Iban.check(changed, FIELD)).as(changed).isNotEmpty();
          }
        }
      }
    });
  }

  @Test
  @DisplayName("swapping two different adjacent characters fails unless mod 97 reads both orders alike")
  void adjacentTranspositionsFail() {
    qt().withExamples(500).forAll(ibans()).checkAssert(iban -> {
      for (int i = 0; i + 1 < iban.length(); i++) {
        if (iban.charAt(i) == iban.charAt(i + 1)) {
          continue;
        }
        String swapped = Mutations.swapAdjacent(iban, i);
        if (readAlikeByMod97(iban.charAt(i), iban.charAt(i + 1))) {
          // B=11, M=22, X=33: "B1" and "1B" both become 111, so no check digit scheme can tell
          assertThat(asDigits(swapped)).isEqualTo(asDigits(iban));
        } else {
          assertThat(Iban.check(swapped, FIELD)).as(swapped).isNotEmpty();
        }
      }
    });
  }

  @Test
  @DisplayName("a letter and a digit that expand alike (B and 1) can swap places unnoticed")
  void transpositionBlindSpot() {
    String iban = withIbanCheckDigits("FR", "3000600001" + "1234567B189" + "42");
    String swapped = iban.replace("B1", "1B");
    assertThat(Iban.check(iban, FIELD)).isEmpty();
    assertThat(Iban.check(swapped, FIELD)).isEmpty();
  }

  @Test
  @DisplayName("an IBAN one character too short or too long fails with iban.length only")
  void wrongLength() {
    qt().forAll(ibans()).checkAssert(iban -> {
      String tooShort = iban.substring(0, iban.length() - 1);
      assertThat(codes(tooShort)).as(tooShort).contains(Iban.LENGTH)
          .doesNotContain(Iban.BBAN_FORMAT, Iban.COUNTRY);
      assertThat(codes(iban + "0")).as(iban + "0").contains(Iban.LENGTH)
          .doesNotContain(Iban.BBAN_FORMAT, Iban.COUNTRY);
    });
  }

  @Test
  @DisplayName("a country outside the registry fails with iban.country even with fitting check digits")
  void unknownCountry() {
    qt().forAll(ibans()).checkAssert(iban -> {
      String foreign = "ZZ" + iban.substring(2);
      assertThat(codes(foreign)).as(foreign).contains(Iban.COUNTRY)
          .doesNotContain(Iban.LENGTH, Iban.BBAN_FORMAT);
    });
    assertThat(codes(withIbanCheckDigits("US", "021000021123456789"))).containsExactly(Iban.COUNTRY);
  }

  @Test
  @DisplayName("a BBAN that breaks the country's structure fails with iban.bban_format")
  void bbanStructure() {
    assertThat(codes(withIbanCheckDigits("DE", "37040044053201300A")))
        .containsExactly(Iban.BBAN_FORMAT);
    assertThat(codes(withIbanCheckDigits("GB", "W3ST12345698765432")))
        .containsExactly(Iban.BBAN_FORMAT);
  }

  @Test
  @DisplayName("wrong check digits fail with iban.checksum, and so do letters in their place")
  void checkDigits() {
    assertThat(codes("DE88370400440532013000")).containsExactly(Iban.CHECKSUM);
    assertThat(codes("DEAB370400440532013000")).containsExactly(Iban.CHECKSUM);
  }

  @Test
  @DisplayName("check digits 00, 01 and 99 fail although mod 97 cannot tell them from 97, 98 and 02")
  void checkDigitsOutOfRange() {
    assertThat(codes(withCheckDigitsReplaced("97", "00"))).containsExactly(Iban.CHECKSUM);
    assertThat(codes(withCheckDigitsReplaced("98", "01"))).containsExactly(Iban.CHECKSUM);
    assertThat(codes(withCheckDigitsReplaced("02", "99"))).containsExactly(Iban.CHECKSUM);
  }

  /** A valid German IBAN whose check digits are {@code expected}, with them set to {@code actual}. */
  private static String withCheckDigitsReplaced(String expected, String actual) {
    for (long account = 0; ; account++) {
      String iban = withIbanCheckDigits("DE", String.format("37040044%010d", account));
      if (iban.substring(2, 4).equals(expected)) {
        assertThat(IbanChecksum.remainder(iban.substring(0, 2) + actual + iban.substring(4)))
            .as("mod 97 alone accepts the replacement").isEqualTo(1);
        return iban.substring(0, 2) + actual + iban.substring(4);
      }
    }
  }

  @Test
  @DisplayName("punctuation, non-ASCII letters and fewer than four characters fail with iban.format only")
  void formatProblems() {
    for (String bad : List.of("DE89-3704-0044-0532-0130-00", "DE89\t370400440532013000",
        "DE89 37O4 0044 0532 0130 0\u0131", "DE8", " ", "")) {
      assertThat(codes(bad)).as(bad).containsExactly(Iban.FORMAT);
    }
    assertThat(Iban.check(null, FIELD))
        .containsExactly(new ValidationProblem(Iban.FORMAT, FIELD, "is required"));
  }

  @Test
  @DisplayName("several independent problems are all reported")
  void reportsEveryProblem() {
    assertThat(codes("DE00370400440532013000123")).containsExactly(Iban.LENGTH, Iban.CHECKSUM);
    assertThat(codes("ZZ00123")).containsExactly(Iban.COUNTRY, Iban.CHECKSUM);
  }

  @Test
  @DisplayName("electronic and print formats convert into each other")
  void formatsRoundTrip() {
    assertThat(Iban.electronicFormat("gb82 west 1234 5698 7654 32"))
        .isEqualTo("GB82WEST12345698765432");
    assertThat(Iban.printFormat("GB82WEST12345698765432")).isEqualTo("GB82 WEST 1234 5698 7654 32");
    assertThat(Iban.printFormat("NO9386011117947")).isEqualTo("NO93 8601 1117 947");
    qt().forAll(ibans()).checkAssert(iban -> {
      assertThat(Iban.electronicFormat(Iban.printFormat(iban))).isEqualTo(iban);
      assertThat(Iban.printFormat(Iban.printFormat(iban))).isEqualTo(Iban.printFormat(iban));
    });
  }

  private static boolean readAlikeByMod97(char a, char b) {
    return asDigits(a + "" + b).equals(asDigits(b + "" + a));
  }

  private static List<String> codes(String iban) {
    return Iban.check(iban, FIELD).stream().map(ValidationProblem::code).toList();
  }
}
