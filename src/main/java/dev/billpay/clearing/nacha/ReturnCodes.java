package dev.billpay.clearing.nacha;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Return reason codes (addenda 99) and change codes (addenda 98) with their titles as the NACHA
 * Operating Rules (Appendix Four and Five) name them. Numbers NACHA has not assigned (R48, R49,
 * R54-R60, R63-R66, R78, R79) are unknown here, so the reader sets an entry carrying one aside.
 */
public final class ReturnCodes {
  /** The exception kinds of {@link #dishonorKind}. */
  public static final String DISHONORED_RETURN = "dishonored_return";
  public static final String CONTESTED_DISHONORED_RETURN = "contested_dishonored_return";
  private static final Map<String, String> RETURNS = new LinkedHashMap<>();
  private static final Map<String, String> CHANGES = new LinkedHashMap<>();

  /**
   * The receiver's account cannot or may not be debited again until someone acts: closed, not
   * found, malformed, or the receiver disputes the authorization. R01/R09 (funds) and R08 (one
   * payment stopped) are not among them: the next debit may well succeed.
   */
  private static final Set<String> BLOCKING = Set.of("R02", "R03", "R04", "R05", "R07", "R10",
      "R29");

  static {
    r("R01", "Insufficient Funds");
    r("R02", "Account Closed");
    r("R03", "No Account/Unable to Locate Account");
    r("R04", "Invalid Account Number Structure");
    r("R05", "Unauthorized Debit to Consumer Account Using Corporate SEC Code");
    r("R06", "Returned per ODFI's Request");
    r("R07", "Authorization Revoked by Customer");
    r("R08", "Payment Stopped");
    r("R09", "Uncollected Funds");
    r("R10", "Customer Advises Originator is Not Known to Receiver and/or Originator is Not "
        + "Authorized by Receiver to Debit Receiver's Account");
    r("R11", "Customer Advises Entry Not in Accordance with the Terms of the Authorization");
    r("R12", "Account Sold to Another DFI");
    r("R13", "Invalid ACH Routing Number");
    r("R14", "Representative Payee Deceased or Unable to Continue in That Capacity");
    r("R15", "Beneficiary or Account Holder (Other Than a Representative Payee) Deceased");
    r("R16", "Account Frozen/Entry Returned per OFAC Instruction");
    r("R17", "File Record Edit Criteria/Entry with Invalid Account Number Initiated Under "
        + "Questionable Circumstances/Return of Improperly-Initiated Reversal");
    r("R18", "Improper Effective Entry Date");
    r("R19", "Amount Field Error");
    r("R20", "Non-Transaction Account");
    r("R21", "Invalid Company Identification");
    r("R22", "Invalid Individual ID Number");
    r("R23", "Credit Entry Refused by Receiver");
    r("R24", "Duplicate Entry");
    r("R25", "Addenda Error");
    r("R26", "Mandatory Field Error");
    r("R27", "Trace Number Error");
    r("R28", "Routing Number Check Digit Error");
    r("R29", "Corporate Customer Advises Not Authorized");
    r("R30", "RDFI Not Participant in Check Truncation Program");
    r("R31", "Permissible Return Entry (CCD and CTX Only)");
    r("R32", "RDFI Non-Settlement");
    r("R33", "Return of XCK Entry");
    r("R34", "Limited Participation DFI");
    r("R35", "Return of Improper Debit Entry");
    r("R36", "Return of Improper Credit Entry");
    r("R37", "Source Document Presented for Payment");
    r("R38", "Stop Payment on Source Document");
    r("R39", "Improper Source Document/Source Document Presented for Payment");
    r("R40", "Return of ENR Entry by Federal Government Agency (ENR Only)");
    r("R41", "Invalid Transaction Code (ENR Only)");
    r("R42", "Routing Number/Check Digit Error (ENR Only)");
    r("R43", "Invalid DFI Account Number (ENR Only)");
    r("R44", "Invalid Individual ID Number/Identification Number (ENR Only)");
    r("R45", "Invalid Individual Name/Company Name (ENR Only)");
    r("R46", "Invalid Representative Payee Indicator (ENR Only)");
    r("R47", "Duplicate Enrollment (ENR Only)");
    r("R50", "State Law Affecting RCK Acceptance");
    r("R51", "Item Related to RCK Entry is Ineligible or RCK Entry is Improper");
    r("R52", "Stop Payment on Item Related to RCK Entry");
    r("R53", "Item and RCK Entry Presented for Payment");
    r("R61", "Misrouted Return");
    r("R62", "Return of Erroneous or Reversing Debit");
    r("R67", "Duplicate Return");
    r("R68", "Untimely Return");
    r("R69", "Field Error(s)");
    r("R70", "Permissible Return Entry Not Accepted/Return Not Requested by ODFI");
    r("R71", "Misrouted Dishonored Return");
    r("R72", "Untimely Dishonored Return");
    r("R73", "Timely Original Return");
    r("R74", "Corrected Return");
    r("R75", "Return Not a Duplicate");
    r("R76", "No Errors Found");
    r("R77", "Non-Acceptance of R62 Dishonored Return");
    r("R80", "IAT Entry Coding Error");
    r("R81", "Non-Participant in IAT Program");
    r("R82", "Invalid Foreign Receiving DFI Identification");
    r("R83", "Foreign Receiving DFI Unable to Settle");
    r("R84", "Entry Not Processed by Gateway");
    r("R85", "Incorrectly Coded Outbound International Payment");

    c("C01", "Incorrect DFI Account Number");
    c("C02", "Incorrect Routing Number");
    c("C03", "Incorrect Routing Number and Incorrect DFI Account Number");
    c("C04", "Incorrect Individual Name/Receiving Company Name");
    c("C05", "Incorrect Transaction Code");
    c("C06", "Incorrect DFI Account Number and Incorrect Transaction Code");
    c("C07", "Incorrect Routing Number, Incorrect DFI Account Number, and Incorrect Transaction "
        + "Code");
    c("C08", "Incorrect Receiving DFI Identification (IAT Only)");
    c("C09", "Incorrect Individual Identification Number/Incorrect Receiver Identification "
        + "Number");
    c("C10", "Incorrect Company Name");
    c("C11", "Incorrect Company Identification");
    c("C12", "Incorrect Company Name and Company Identification");
    c("C13", "Addenda Format Error");
  }

  private ReturnCodes() {}

  public static boolean isReturnCode(String code) {
    return code != null && RETURNS.containsKey(code);
  }

  public static boolean isChangeCode(String code) {
    return code != null && CHANGES.containsKey(code);
  }

  /** The NACHA title of return reason code {@code code} (R01..R85). */
  public static Optional<String> returnDescription(String code) {
    return Optional.ofNullable(code == null ? null : RETURNS.get(code));
  }

  /** The NACHA title of change code {@code code} (C01..C13). */
  public static Optional<String> changeDescription(String code) {
    return Optional.ofNullable(code == null ? null : CHANGES.get(code));
  }

  /** Every known return reason code with its title, in code order. */
  public static Map<String, String> returnCodes() {
    return Collections.unmodifiableMap(RETURNS);
  }

  /** Every known change code with its title, in code order. */
  public static Map<String, String> changeCodes() {
    return Collections.unmodifiableMap(CHANGES);
  }

  /**
   * Whether a return with {@code code} blocks the funding account for new debits: R02, R03, R04,
   * R05, R07, R10 and R29 say the account is closed, missing, invalid, or the debit unauthorized, so
   * another debit would be returned the same way.
   */
  public static boolean blocksAccount(String code) {
    return code != null && BLOCKING.contains(code);
  }

  /**
   * {@code dishonored_return} for R61, R62 and R67-R69 (the ODFI refuses a return), {@code
   * contested_dishonored_return} for R70-R77 (the RDFI contests that refusal); empty for the rest.
   * R63-R66 are not assigned any more (their cases are R69's), so they are unknown codes.
   */
  public static Optional<String> dishonorKind(String code) {
    if (!isReturnCode(code)) {
      return Optional.empty();
    }
    int n = Integer.parseInt(code.substring(1));
    if (n >= 61 && n <= 69) {
      return Optional.of(DISHONORED_RETURN);
    }
    return n >= 70 && n <= 77 ? Optional.of(CONTESTED_DISHONORED_RETURN) : Optional.empty();
  }

  private static void r(String code, String title) {
    RETURNS.put(code, title);
  }

  private static void c(String code, String title) {
    CHANGES.put(code, title);
  }
}
