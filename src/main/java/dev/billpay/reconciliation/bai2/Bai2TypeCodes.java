package dev.billpay.reconciliation.bai2;

import dev.billpay.reconciliation.BankTransaction.Family;
import java.util.Map;
import java.util.Set;

/**
 * The BAI2 type codes reconciliation relies on (Appendix A of the specification). Direction comes
 * from the code ranges, so codes missing from the name table still classify correctly.
 */
public final class Bai2TypeCodes {
  /**
   * Credits that settle ACH entries we originated. When our ODFI settles a debit file it credits
   * the offset to our account; banks report that as 166 ACH Settlement, but also as 142 ACH Credit
   * Received, 165 Preauthorized ACH Credit or 169 Miscellaneous ACH Credit, and as 145 ACH
   * Concentration Credit for concentration debits. 143 (item in an ACH deposit), 164 (CTP credit)
   * and 168 (return or adjustment settlement) are not file settlements.
   */
  private static final Set<String> ACH_SETTLEMENT_CREDITS =
      Set.of("142", "145", "165", "166", "169");

  /**
   * Money a payer pushed to us: wires (195, 191 from an account at the same bank), book transfers
   * (206) and international transfers (208). Left out on purpose: 196 money transfer adjustment and
   * 201 automatic transfer credit (bank-initiated), 275 ZBA credit (a sweep between our own
   * accounts).
   */
  private static final Set<String> INCOMING_TRANSFER_CREDITS = Set.of("191", "195", "206", "208");

  /** The bank's offset for a clearing file of credits we originated (verification micro-entries, say). */
  private static final Set<String> ACH_SETTLEMENT_DEBITS = Set.of("466", "469");

  /** Returned or adjusted ACH items settling against the account, either way. */
  private static final Set<String> ACH_RETURNS = Set.of("168", "468", "555", "557");

  /** Outgoing wires and book transfers, and the money transfer adjustment. */
  private static final Set<String> OTHER_TRANSFERS = Set.of("196", "495", "506");

  private static final Set<String> FEES = Set.of("661", "698");

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("010", "Opening Ledger"),
      Map.entry("015", "Closing Ledger"),
      Map.entry("040", "Opening Available"),
      Map.entry("045", "Closing Available"),
      Map.entry("100", "Total Credits"),
      Map.entry("115", "Lockbox Deposit"),
      Map.entry("142", "ACH Credit Received"),
      Map.entry("145", "ACH Concentration Credit"),
      Map.entry("165", "Preauthorized ACH Credit"),
      Map.entry("166", "ACH Settlement"),
      Map.entry("168", "ACH Return Item or Adjustment Settlement"),
      Map.entry("169", "Miscellaneous ACH Credit"),
      Map.entry("191", "Individual Incoming Internal Money Transfer"),
      Map.entry("195", "Incoming Money Transfer"),
      Map.entry("196", "Money Transfer Adjustment"),
      Map.entry("201", "Individual Automatic Transfer Credit"),
      Map.entry("206", "Book Transfer Credit"),
      Map.entry("208", "Individual International Money Transfer Credit"),
      Map.entry("275", "ZBA Credit"),
      Map.entry("354", "Interest Credit"),
      Map.entry("399", "Miscellaneous Credit"),
      Map.entry("400", "Total Debits"),
      Map.entry("451", "ACH Debit Received"),
      Map.entry("455", "Preauthorized ACH Debit"),
      Map.entry("466", "ACH Settlement"),
      Map.entry("468", "ACH Return Item or Adjustment Settlement"),
      Map.entry("469", "Miscellaneous ACH Debit"),
      Map.entry("475", "Check Paid"),
      Map.entry("495", "Outgoing Money Transfer"),
      Map.entry("506", "Book Transfer Debit"),
      Map.entry("555", "Deposited Item Returned"),
      Map.entry("557", "Individual ACH Return Item"),
      Map.entry("575", "ZBA Debit"),
      Map.entry("661", "Account Analysis Fee"),
      Map.entry("698", "Miscellaneous Fees"),
      Map.entry("699", "Miscellaneous Debit"),
      Map.entry("890", "Contains Non-monetary Information"));

  private Bai2TypeCodes() {}

  /**
   * Credit for 100-399, debit for 400-699; the customer-defined range follows BAI's own split:
   * 900-929 status, 930-959 credits, 960-999 debits. Status codes (001-099), loan codes
   * (700-799, whose credit/debit split BAI never fixed by range), 800-899 (890 is non-monetary
   * information) and anything that is not three digits move no money.
   */
  public static Direction direction(String typeCode) {
    int code = parse(typeCode);
    if ((code >= 100 && code <= 399) || (code >= 930 && code <= 959)) {
      return Direction.CREDIT;
    }
    if ((code >= 400 && code <= 699) || code >= 960) {
      return Direction.DEBIT;
    }
    return Direction.NONE;
  }

  /** What kind of bank transaction a type code is, for choosing what it can settle. */
  public static Family family(String typeCode) {
    if (ACH_SETTLEMENT_CREDITS.contains(typeCode) || ACH_SETTLEMENT_DEBITS.contains(typeCode)) {
      return Family.ACH_SETTLEMENT;
    }
    if (ACH_RETURNS.contains(typeCode)) {
      return Family.ACH_RETURN;
    }
    if (INCOMING_TRANSFER_CREDITS.contains(typeCode) || OTHER_TRANSFERS.contains(typeCode)) {
      return Family.TRANSFER;
    }
    return FEES.contains(typeCode) ? Family.FEE : Family.OTHER;
  }

  /** An ACH credit that settles a clearing file we originated: 142, 145, 165, 166, 169. */
  public static boolean isAchSettlementCredit(String typeCode) {
    return ACH_SETTLEMENT_CREDITS.contains(typeCode);
  }

  /** A transfer a payer pushed to us: 191, 195, 206, 208. */
  public static boolean isIncomingTransferCredit(String typeCode) {
    return INCOMING_TRANSFER_CREDITS.contains(typeCode);
  }

  /** The specification's name for the code, or a generic label for codes not in our table. */
  public static String name(String typeCode) {
    String name = NAMES.get(typeCode);
    if (name != null) {
      return name;
    }
    return switch (direction(typeCode)) {
      case CREDIT -> "Credit";
      case DEBIT -> "Debit";
      case NONE -> "Type code";
    } + " " + typeCode;
  }

  private static int parse(String typeCode) {
    if (typeCode == null || typeCode.length() != 3
        || !typeCode.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(typeCode);
  }
}
