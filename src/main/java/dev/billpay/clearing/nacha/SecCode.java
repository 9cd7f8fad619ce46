package dev.billpay.clearing.nacha;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Standard Entry Class codes as NACHA publishes them. We originate WEB (consumer debits authorized
 * online, our default), PPD (prearranged consumer payments) and CCD (corporate); a return file may
 * carry returns of any class (a bank returns POS, CTX or IAT entries in the same file as ours), and
 * COR batches carry the notifications of change an RDFI sends back.
 */
public enum SecCode {
  // the ones we write first: batches are ordered by class, and our files keep their order
  WEB, PPD, CCD, COR,
  ACK, ADV, ARC, ATX, BOC, CIE, CTX, DNE, ENR, IAT, MTE, POP, POS, RCK, SHR, TEL, TRC, TRX, XCK;

  /** The classes the writer produces: the ones our clearing files and their returns use. */
  private static final Set<SecCode> WRITTEN = EnumSet.of(WEB, PPD, CCD, COR);

  public static Optional<SecCode> parse(String code) {
    for (SecCode value : values()) {
      if (value.name().equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Whether the writer may write a batch of this class. */
  public boolean isWritten() {
    return WRITTEN.contains(this);
  }
}
