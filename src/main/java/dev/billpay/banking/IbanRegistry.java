package dev.billpay.banking;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The countries of the SWIFT IBAN registry (ISO 13616) with their IBAN length and BBAN structure,
 * written in the registry's own notation so each row can be compared with the published document.
 *
 * <p>Only the countries with their own registry entry are listed; territories that use another
 * country's format (e.g. Åland under FI) are not separate codes in an IBAN's first two letters.
 */
public final class IbanRegistry {
  /**
   * One registry entry.
   *
   * @param code ISO 3166-1 alpha-2 code that starts the IBAN
   * @param length total IBAN length in electronic format (country, check digits and BBAN)
   * @param bbanStructure the BBAN in registry notation, e.g. {@code 8!n10!n}
   */
  public record Country(String code, int length, String bbanStructure) {
    public Country {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(bbanStructure, "bbanStructure");
      // parsed here so a typo in the table fails when the class loads, not on some customer's IBAN
      BbanStructure.parse(bbanStructure);
    }

    /** Whether {@code bban} (electronic format, no country or check digits) fits the structure. */
    public boolean bbanMatches(String bban) {
      return structure().matches(bban);
    }

    BbanStructure structure() {
      return BbanStructure.parse(bbanStructure);
    }
  }

  private static final Map<String, Country> COUNTRIES = byCode(
      new Country("AD", 24, "4!n4!n12!c"), // Andorra
      new Country("AE", 23, "3!n16!n"), // United Arab Emirates
      new Country("AL", 28, "8!n16!c"), // Albania
      new Country("AT", 20, "5!n11!n"), // Austria
      new Country("AZ", 28, "4!a20!c"), // Azerbaijan
      new Country("BA", 20, "3!n3!n8!n2!n"), // Bosnia and Herzegovina
      new Country("BE", 16, "3!n7!n2!n"), // Belgium
      new Country("BG", 22, "4!a4!n2!n8!c"), // Bulgaria
      new Country("BH", 22, "4!a14!c"), // Bahrain
      new Country("BI", 27, "5!n5!n11!n2!n"), // Burundi
      new Country("BR", 29, "8!n5!n10!n1!a1!c"), // Brazil
      new Country("BY", 28, "4!c4!n16!c"), // Belarus
      new Country("CH", 21, "5!n12!c"), // Switzerland
      new Country("CR", 22, "4!n14!n"), // Costa Rica
      new Country("CY", 28, "3!n5!n16!c"), // Cyprus
      new Country("CZ", 24, "4!n6!n10!n"), // Czechia
      new Country("DE", 22, "8!n10!n"), // Germany
      new Country("DJ", 27, "5!n5!n11!n2!n"), // Djibouti
      new Country("DK", 18, "4!n9!n1!n"), // Denmark
      new Country("DO", 28, "4!c20!n"), // Dominican Republic
      new Country("EE", 20, "2!n14!n"), // Estonia
      new Country("EG", 29, "4!n4!n17!n"), // Egypt
      new Country("ES", 24, "4!n4!n1!n1!n10!n"), // Spain
      new Country("FI", 18, "3!n11!n"), // Finland
      new Country("FK", 18, "2!a12!n"), // Falkland Islands
      new Country("FO", 18, "4!n9!n1!n"), // Faroe Islands
      new Country("FR", 27, "5!n5!n11!c2!n"), // France
      new Country("GB", 22, "4!a6!n8!n"), // United Kingdom
      new Country("GE", 22, "2!a16!n"), // Georgia
      new Country("GI", 23, "4!a15!c"), // Gibraltar
      new Country("GL", 18, "4!n9!n1!n"), // Greenland
      new Country("GR", 27, "3!n4!n16!c"), // Greece
      new Country("GT", 28, "4!c20!c"), // Guatemala
      new Country("HN", 28, "4!a20!n"), // Honduras
      new Country("HR", 21, "7!n10!n"), // Croatia
      new Country("HU", 28, "3!n4!n1!n15!n1!n"), // Hungary
      new Country("IE", 22, "4!a6!n8!n"), // Ireland
      new Country("IL", 23, "3!n3!n13!n"), // Israel
      new Country("IQ", 23, "4!a3!n12!n"), // Iraq
      new Country("IS", 26, "4!n2!n6!n10!n"), // Iceland
      new Country("IT", 27, "1!a5!n5!n12!c"), // Italy
      new Country("JO", 30, "4!a4!n18!c"), // Jordan
      new Country("KW", 30, "4!a22!c"), // Kuwait
      new Country("KZ", 20, "3!n13!c"), // Kazakhstan
      new Country("LB", 28, "4!n20!c"), // Lebanon
      new Country("LC", 32, "4!a24!c"), // Saint Lucia
      new Country("LI", 21, "5!n12!c"), // Liechtenstein
      new Country("LT", 20, "5!n11!n"), // Lithuania
      new Country("LU", 20, "3!n13!c"), // Luxembourg
      new Country("LV", 21, "4!a13!c"), // Latvia
      new Country("LY", 25, "3!n3!n15!n"), // Libya
      new Country("MC", 27, "5!n5!n11!c2!n"), // Monaco
      new Country("MD", 24, "2!c18!c"), // Moldova
      new Country("ME", 22, "3!n13!n2!n"), // Montenegro
      new Country("MK", 19, "3!n10!c2!n"), // North Macedonia
      new Country("MN", 20, "4!n12!n"), // Mongolia
      new Country("MR", 27, "5!n5!n11!n2!n"), // Mauritania
      new Country("MT", 31, "4!a5!n18!c"), // Malta
      new Country("MU", 30, "4!a2!n2!n12!n3!n3!a"), // Mauritius
      new Country("NI", 28, "4!a20!n"), // Nicaragua
      new Country("NL", 18, "4!a10!n"), // Netherlands
      new Country("NO", 15, "4!n6!n1!n"), // Norway
      new Country("OM", 23, "3!n16!c"), // Oman
      new Country("PK", 24, "4!a16!c"), // Pakistan
      new Country("PL", 28, "8!n16!n"), // Poland
      new Country("PS", 29, "4!a21!c"), // Palestine
      new Country("PT", 25, "4!n4!n11!n2!n"), // Portugal
      new Country("QA", 29, "4!a21!c"), // Qatar
      new Country("RO", 24, "4!a16!c"), // Romania
      new Country("RS", 22, "3!n13!n2!n"), // Serbia
      new Country("RU", 33, "9!n5!n15!c"), // Russia
      new Country("SA", 24, "2!n18!c"), // Saudi Arabia
      new Country("SC", 31, "4!a2!n2!n16!n3!a"), // Seychelles
      new Country("SD", 18, "2!n12!n"), // Sudan
      new Country("SE", 24, "3!n16!n1!n"), // Sweden
      new Country("SI", 19, "5!n8!n2!n"), // Slovenia
      new Country("SK", 24, "4!n6!n10!n"), // Slovakia
      new Country("SM", 27, "1!a5!n5!n12!c"), // San Marino
      new Country("SO", 23, "4!n3!n12!n"), // Somalia
      new Country("ST", 25, "4!n4!n11!n2!n"), // Sao Tome and Principe
      new Country("SV", 28, "4!a20!n"), // El Salvador
      new Country("TL", 23, "3!n14!n2!n"), // Timor-Leste
      new Country("TN", 24, "2!n3!n13!n2!n"), // Tunisia
      new Country("TR", 26, "5!n1!n16!c"), // Turkey
      new Country("UA", 29, "6!n19!c"), // Ukraine
      new Country("VA", 22, "3!n15!n"), // Vatican City State
      new Country("VG", 24, "4!a16!n"), // British Virgin Islands
      new Country("XK", 20, "4!n10!n2!n"), // Kosovo
      new Country("YE", 30, "4!a4!n18!c")); // Yemen

  private IbanRegistry() {}

  /** The entry for an upper-case country code, if the registry has one. */
  public static Optional<Country> country(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(COUNTRIES.get(code));
  }

  /** Every registry country, ordered by code. */
  public static Collection<Country> countries() {
    return COUNTRIES.values();
  }

  private static Map<String, Country> byCode(Country... countries) {
    Map<String, Country> byCode = new TreeMap<>();
    Stream.of(countries).forEach(country -> {
      if (byCode.put(country.code(), country) != null) {
        throw new IllegalStateException("duplicate registry entry " + country.code());
      }
    });
    return Collections.unmodifiableMap(byCode);
  }
}
