package dev.billpay.banking;

/**
 * ISO 7064 MOD 97-10 as used by ISO 13616: move the country code and check digits to the end,
 * read letters as two-digit numbers (A = 10 ... Z = 35) and take the remainder modulo 97.
 */
final class IbanChecksum {
  private static final int MODULUS = 97;

  private IbanChecksum() {}

  /**
   * Remainder of the rearranged IBAN modulo 97; 1 for a valid IBAN. Streams digit by digit so
   * the up to ~70-digit number never has to exist. Expects upper-case letters and digits only.
   */
  static int remainder(String electronicIban) {
    int remainder = 0;
    String rearranged = electronicIban.substring(4) + electronicIban.substring(0, 4);
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % MODULUS;
      } else {
        remainder = (remainder * 100 + (c - 'A' + 10)) % MODULUS;
      }
    }
    return remainder;
  }
}
