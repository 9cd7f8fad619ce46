package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankTransaction.Family;
import java.util.Optional;
import java.util.Set;

/**
 * The ISO 20022 bank transaction codes ({@code BkTxCd}) as the code shown to people and the family the matching
 * engine sorts by. The domain code ({@code Domn/Cd}, {@code Fmly/Cd}, {@code Fmly/SubFmlyCd}) is read when the
 * bank gives it, else the bank's proprietary code ({@code Prtry/Cd}), which classifies as OTHER: its meaning is
 * the bank's own.
 */
public final class CamtTransactionCodes {
  /** Charges, fees and commissions, in any domain and family (ACMT/MDOP/CHRG, PMNT/RCDT/CHRG, ...). */
  private static final Set<String> FEES = Set.of("CHRG", "FEES", "COMM");
  /**
   * ACH returns and reversals, and unpaid direct debits (UPDD: our collection came back, or, under RDDT, a debit
   * on us was reversed): each settles against an entry that went out before.
   */
  private static final Set<String> RETURNS = Set.of("ARET", "AREV", "UPDD");

  private CamtTransactionCodes() {}

  /** {@code PMNT/RCDT/ESCT} for a domain code, the proprietary code when there is no domain, else "". */
  static String code(Optional<XmlNode> bkTxCd) {
    if (bkTxCd.isEmpty()) {
      return "";
    }
    XmlNode code = bkTxCd.get();
    if (code.has("Domn", "Cd")) {
      return code.text("Domn", "Cd") + "/" + code.text("Domn", "Fmly", "Cd") + "/"
          + code.text("Domn", "Fmly", "SubFmlyCd");
    }
    return code.text("Prtry", "Cd");
  }

  /**
   * The family of a code as {@link #code} writes it:
   *
   * <ul>
   *   <li>sub-family CHRG, FEES or COMM → FEE
   *   <li>PMNT with sub-family ARET, AREV or UPDD → ACH_RETURN
   *   <li>PMNT/IDDT (issued direct debits: our own collections, as the bank settles them) and any PMNT ASET
   *       (ACH settlement) → ACH_SETTLEMENT
   *   <li>PMNT/RCDT and PMNT/ICDT (credit transfers received and issued: wires, book, ACH credits, RTP) → TRANSFER
   *   <li>anything else (checks, cards, lockbox, cash, interest, received direct debits, proprietary codes) → OTHER
   * </ul>
   */
  public static Family family(String code) {
    String[] parts = code.split("/", -1);
    if (parts.length != 3) {
      return Family.OTHER;
    }
    String domain = parts[0];
    String family = parts[1];
    String subFamily = parts[2];
    if (FEES.contains(subFamily)) {
      return Family.FEE;
    }
    if (!domain.equals("PMNT")) {
      return Family.OTHER;
    }
    if (RETURNS.contains(subFamily)) {
      return Family.ACH_RETURN;
    }
    if (family.equals("IDDT") || subFamily.equals("ASET")) {
      return Family.ACH_SETTLEMENT;
    }
    if (family.equals("RCDT") || family.equals("ICDT")) {
      return Family.TRANSFER;
    }
    return Family.OTHER;
  }
}
