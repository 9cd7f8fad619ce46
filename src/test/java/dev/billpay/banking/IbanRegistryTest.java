package dev.billpay.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The IBAN registry table")
class IbanRegistryTest {
  private static final List<String> CURRENT_REGISTRY_CODES = List.of(
      "AD", "AE", "AL", "AT", "AZ", "BA", "BE", "BG", "BH", "BI", "BR", "BY", "CH", "CR", "CY",
      "CZ", "DE", "DJ", "DK", "DO", "EE", "EG", "ES", "FI", "FK", "FO", "FR", "GB", "GE", "GI",
      "GL", "GR", "GT", "HN", "HR", "HU", "IE", "IL", "IQ", "IS", "IT", "JO", "KW", "KZ", "LB",
      "LC", "LI", "LT", "LU", "LV", "LY", "MC", "MD", "ME", "MK", "MN", "MR", "MT", "MU", "NI",
      "NL", "NO", "OM", "PK", "PL", "PS", "PT", "QA", "RO", "RS", "RU", "SA", "SC", "SD", "SE",
      "SI", "SK", "SM", "SO", "ST", "SV", "TL", "TN", "TR", "UA", "VA", "VG", "XK", "YE");

  @Test
  @DisplayName("it lists every country of the current SWIFT registry, at least 89")
  void listsEveryCountry() {
    assertThat(IbanRegistry.countries()).hasSizeGreaterThanOrEqualTo(89);
    assertThat(IbanRegistry.countries()).extracting(IbanRegistry.Country::code)
        .containsAll(CURRENT_REGISTRY_CODES)
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[A-Z]{2}"));
  }

  @Test
  @DisplayName("every country's IBAN length is 4 plus the length of its BBAN structure")
  void lengthsAgreeWithStructures() {
    for (IbanRegistry.Country country : IbanRegistry.countries()) {
      assertThat(country.length()).as(country.code())
          .isEqualTo(4 + ValidBankNumbers.bbanLength(country.bbanStructure()))
          .isEqualTo(4 + country.structure().length());
    }
  }

  @Test
  @DisplayName("looking up a country needs its exact upper-case code")
  void lookup() {
    assertThat(IbanRegistry.country("DE")).get()
        .isEqualTo(new IbanRegistry.Country("DE", 22, "8!n10!n"));
    assertThat(IbanRegistry.country("GB")).get()
        .extracting(IbanRegistry.Country::bbanStructure).isEqualTo("4!a6!n8!n");
    assertThat(IbanRegistry.country("FR")).get()
        .extracting(IbanRegistry.Country::bbanStructure).isEqualTo("5!n5!n11!c2!n");
    assertThat(IbanRegistry.country("de")).isEmpty();
    assertThat(IbanRegistry.country("US")).isEmpty();
    assertThat(IbanRegistry.country(null)).isEmpty();
  }

  @Test
  @DisplayName("a BBAN matches only with the right character class in every position and the right length")
  void bbanMatching() {
    IbanRegistry.Country germany = IbanRegistry.country("DE").orElseThrow();
    assertThat(germany.bbanMatches("370400440532013000")).isTrue();
    assertThat(germany.bbanMatches("37040044053201300A")).isFalse();
    assertThat(germany.bbanMatches("3704004405320130000")).isFalse();
    assertThat(germany.bbanMatches(null)).isFalse();

    IbanRegistry.Country britain = IbanRegistry.country("GB").orElseThrow();
    assertThat(britain.bbanMatches("WEST12345698765432")).isTrue();
    assertThat(britain.bbanMatches("west12345698765432")).isFalse();
    assertThat(britain.bbanMatches("WEST1234569876543A")).isFalse();

    IbanRegistry.Country france = IbanRegistry.country("FR").orElseThrow();
    assertThat(france.bbanMatches("20041010050500013M02606")).isTrue();
    assertThat(france.bbanMatches("20041010050500013M026AB")).isFalse();
  }

  @Test
  @DisplayName("structures outside the registry's notation are rejected when an entry is created")
  void rejectsMalformedStructures() {
    for (String bad : List.of("", "8n", "8!x", "!n", "8!", "8!n10", "8!n 10!n", "35e")) {
      assertThatThrownBy(() -> new IbanRegistry.Country("XX", 12, bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
