package dev.billpay.clearing.nacha;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An addenda record (type 7) following an entry detail. The addenda's own sequence and trace
 * fields are not part of the model: the writer derives them from the entry (NACHA requires them
 * to repeat the entry's trace number) and the reader checks them.
 */
public sealed interface Addenda {
  /** The two-digit addenda type code. */
  String typeCode();

  /**
   * Addenda type 05: 80 characters of payment related information, for PPD, WEB and CCD entries.
   */
  record PaymentInfo(String information) implements Addenda {
    public PaymentInfo {
      Objects.requireNonNull(information, "information");
    }

    @Override
    public String typeCode() {
      return "05";
    }
  }

  /**
   * Addenda type 99 of a return entry.
   *
   * @param returnCode R01..R85
   * @param originalTrace the trace number of the entry being returned, as the originator sent it
   * @param dateOfDeath for R14 and R15, else {@code null}
   * @param originalRdfiId the first 8 digits of the RDFI routing number of the original entry
   * @param information up to 44 characters of addenda information, may be empty
   */
  record Return(String returnCode, String originalTrace, LocalDate dateOfDeath,
      String originalRdfiId, String information) implements Addenda {
    public Return {
      if (!ReturnCodes.isReturnCode(returnCode)) {
        throw new NachaFormatException("addenda.returnCode", "is not a NACHA return reason code");
      }
      Check.digits(originalTrace, 15, "addenda.originalTrace");
      Check.digits(originalRdfiId, 8, "addenda.originalRdfiId");
      Objects.requireNonNull(information, "information");
    }

    @Override
    public String typeCode() {
      return "99";
    }
  }

  /**
   * Addenda type 98 of a notification of change (COR) entry.
   *
   * @param changeCode C01..C13
   * @param originalTrace the trace number of the entry the RDFI asks to correct
   * @param originalRdfiId the first 8 digits of the RDFI routing number of the original entry
   * @param correctedData up to 29 characters laid out as the change code prescribes (e.g. the
   *     correct account number left-justified for C01)
   */
  record Correction(String changeCode, String originalTrace, String originalRdfiId,
      String correctedData) implements Addenda {
    public Correction {
      if (!ReturnCodes.isChangeCode(changeCode)) {
        throw new NachaFormatException("addenda.changeCode", "is not a NACHA change code");
      }
      Check.digits(originalTrace, 15, "addenda.originalTrace");
      Check.digits(originalRdfiId, 8, "addenda.originalRdfiId");
      // written as given, like the identifiers it corrects (account and routing numbers)
      Check.identifier(correctedData, 29, "addenda.correctedData");
    }

    @Override
    public String typeCode() {
      return "98";
    }
  }

  /**
   * An addenda this package reads but does not interpret: the IAT addenda (types 10-18) that an
   * IAT return carries before its type 99. {@code content} is positions 4-94 as written.
   */
  record Other(String typeCode, String content) implements Addenda {
    public Other {
      Objects.requireNonNull(typeCode, "typeCode");
      Objects.requireNonNull(content, "content");
    }
  }
}
