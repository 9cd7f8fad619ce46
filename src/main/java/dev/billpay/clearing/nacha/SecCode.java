package dev.billpay.clearing.nacha;

import java.util.Optional;

/**
 * Standard Entry Class codes this package writes or reads: WEB (consumer debits authorized
 * online, our default), PPD (prearranged consumer payments), CCD (corporate) and COR (the
 * notifications of change an RDFI sends back).
 */
public enum SecCode {
  WEB,
  PPD,
  CCD,
  COR;

  public static Optional<SecCode> parse(String code) {
    for (SecCode value : values()) {
      if (value.name().equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
