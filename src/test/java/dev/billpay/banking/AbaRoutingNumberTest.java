package dev.billpay.banking;

import static dev.billpay.banking.ValidBankNumbers.abaRoutingNumbers;
import static dev.billpay.banking.ValidBankNumbers.isValidAba;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ABA routing numbers")
class AbaRoutingNumberTest {
  private static final String FIELD = "routing_number";

  @Test
  @DisplayName("every generated routing number with a valid prefix and check digit passes")
  void generatedNumbersPass() {
    qt().forAll(abaRoutingNumbers()).checkAssert(number ->
        assertThat(AbaRoutingNumber.check(number, FIELD)).as(number).isEmpty());
  }

  @Test
  @DisplayName("real routing numbers pass")
  void realNumbersPass() {
    for (String number : List.of("011000015", "021000021", "026009593", "121000358", "111000025",
        "322271627")) {
      assertThat(AbaRoutingNumber.check(number, FIELD)).as(number).isEmpty();
    }
  }

  @Test
  @DisplayName("changing any single digit breaks the checksum, since 3, 7 and 1 are coprime to 10")
  void singleDigitChangesAreAlwaysDetected() {
    qt().forAll(abaRoutingNumbers()).checkAssert(number -> {
      for (String changed : singleDigitChanges(number)) {
        assertThat(codes(changed)).as(changed).contains(AbaRoutingNumber.CHECKSUM);
      }
    });
  }

  @Test
  @DisplayName("check agrees with a plain re-computation for every single-digit change and adjacent swap")
  void agreesWithReferenceForAllMutations() {
    qt().forAll(abaRoutingNumbers()).checkAssert(number -> {
      List<String> mutations = new ArrayList<>(singleDigitChanges(number));
      mutations.addAll(adjacentTranspositions(number));
      for (String mutation : mutations) {
        assertThat(AbaRoutingNumber.check(mutation, FIELD).isEmpty()).as(mutation)
            .isEqualTo(isValidAba(mutation));
      }
    });
  }

  @Test
  @DisplayName("an adjacent swap goes unnoticed exactly when the digits differ by 5 and the prefix stays valid")
  void onlyTranspositionsOfDigitsFiveApartGoUnnoticed() {
    // adjacent weights differ by 4, 6 or 2: (w1 - w2)(a - b) is a multiple of 10 only for |a - b| = 5
    qt().forAll(abaRoutingNumbers()).checkAssert(number -> {
      for (int i = 0; i + 1 < number.length(); i++) {
        char a = number.charAt(i);
        char b = number.charAt(i + 1);
        if (a == b) {
          continue;
        }
        String swapped = Mutations.swapAdjacent(number, i);
        boolean prefixStaysValid = ValidBankNumbers.ABA_PREFIXES.contains(swapped.substring(0, 2));
        boolean expectedToPass = Math.abs(a - b) == 5 && prefixStaysValid;
        assertThat(AbaRoutingNumber.check(swapped, FIELD).isEmpty()).as(swapped)
            .isEqualTo(expectedToPass);
      }
    });
  }

  @Test
  @DisplayName("a number that is not exactly nine ASCII digits gets only a format problem")
  void formatProblems() {
    for (String bad : List.of("", "02100002", "0210000210", "02100002A", "021 000 021", "021-000021",
        "\u0660\u0662\u0661\u0660\u0660\u0660\u0660\u0662\u0661")) {
      assertThat(AbaRoutingNumber.check(bad, FIELD)).as(bad)
          .containsExactly(new ValidationProblem(AbaRoutingNumber.FORMAT, FIELD,
              "must be exactly 9 digits"));
    }
  }

  @Test
  @DisplayName("a missing number is reported as a format problem saying it is required")
  void missingNumber() {
    assertThat(AbaRoutingNumber.check(null, FIELD))
        .containsExactly(new ValidationProblem(AbaRoutingNumber.FORMAT, FIELD, "is required"));
  }

  @Test
  @DisplayName("a bad prefix and a bad check digit are both reported")
  void prefixAndChecksumAreIndependent() {
    assertThat(codes("130000000"))
        .containsExactly(AbaRoutingNumber.PREFIX, AbaRoutingNumber.CHECKSUM);
    assertThat(codes("130000006")).containsExactly(AbaRoutingNumber.PREFIX);
    assertThat(codes("021000020")).containsExactly(AbaRoutingNumber.CHECKSUM);
  }

  @Test
  @DisplayName("every two-digit prefix outside the Federal Reserve ranges is rejected")
  void prefixRanges() {
    for (int prefix = 0; prefix < 100; prefix++) {
      String number = ValidBankNumbers.withAbaCheckDigit(String.format("%02d000000", prefix));
      boolean assigned = prefix <= 12 || (prefix >= 21 && prefix <= 32)
          || (prefix >= 61 && prefix <= 72) || prefix == 80;
      assertThat(codes(number).contains(AbaRoutingNumber.PREFIX)).as(number).isEqualTo(!assigned);
    }
  }

  @Test
  @DisplayName("problems carry the caller's field name")
  void usesCallerField() {
    assertThat(AbaRoutingNumber.check("021000020", "payee.routing"))
        .extracting(ValidationProblem::field).containsExactly("payee.routing");
  }

  private static List<String> codes(String number) {
    return AbaRoutingNumber.check(number, FIELD).stream().map(ValidationProblem::code).toList();
  }

  private static List<String> singleDigitChanges(String number) {
    List<String> changes = new ArrayList<>();
    for (int i = 0; i < number.length(); i++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit != number.charAt(i)) {
          changes.add(Mutations.replace(number, i, digit));
        }
      }
    }
    return changes;
  }

  private static List<String> adjacentTranspositions(String number) {
    List<String> swaps = new ArrayList<>();
    for (int i = 0; i + 1 < number.length(); i++) {
      if (number.charAt(i) != number.charAt(i + 1)) {
        swaps.add(Mutations.swapAdjacent(number, i));
      }
    }
    return swaps;
  }
}
