package dev.billpay.clearing.nacha;

import java.util.List;
import java.util.Objects;

/**
 * An entry detail record (type 6) of a PPD, WEB, CCD or COR batch, with its addenda.
 *
 * @param transactionCode what the entry does to which kind of account
 * @param rdfiRouting the receiving DFI's 9-digit routing number; the record stores its first 8
 *     digits and its check digit in two fields
 * @param accountNumber the receiver's DFI account number, up to 17 characters, written as given
 * @param amountCents 0 to 9,999,999,999 cents
 * @param individualId individual identification number, up to 15 characters, may be empty
 * @param individualName up to 22 characters after sanitizing
 * @param discretionaryData two characters at most; for WEB the payment type code ("S" single,
 *     "R" recurring)
 * @param traceNumber 15 digits: the ODFI's 8-digit id and a 7-digit sequence number
 * @param addenda the addenda records, in order; the addenda record indicator is 1 when present
 */
public record EntryDetail(
    TransactionCode transactionCode,
    String rdfiRouting,
    String accountNumber,
    long amountCents,
    String individualId,
    String individualName,
    String discretionaryData,
    String traceNumber,
    List<Addenda> addenda) {
  public static final long MAX_AMOUNT_CENTS = 9_999_999_999L;

  public EntryDetail {
    Objects.requireNonNull(transactionCode, "transactionCode");
    Check.digits(rdfiRouting, 9, "entry.rdfiRouting");
    Check.identifier(accountNumber, 17, "entry.accountNumber");
    if (accountNumber.isBlank()) {
      throw new NachaFormatException("entry.accountNumber", "is required");
    }
    Check.range(amountCents, MAX_AMOUNT_CENTS, "entry.amount");
    Check.identifier(individualId, 15, "entry.individualId");
    Objects.requireNonNull(individualName, "individualName");
    Objects.requireNonNull(discretionaryData, "discretionaryData");
    Check.digits(traceNumber, 15, "entry.traceNumber");
    addenda = List.copyOf(addenda);
  }

  /** The receiving DFI identification: the first 8 digits of the routing number. */
  public String rdfiId() {
    return rdfiRouting.substring(0, 8);
  }

  /** The 8 digits the entry hash adds up. */
  long hashAddend() {
    return Long.parseLong(rdfiId());
  }

  /** The first 8 digits of the trace number, the ODFI (or returning RDFI) that assigned it. */
  public String traceOdfiId() {
    return traceNumber.substring(0, 8);
  }

  /** The entry and its addenda as counted by the controls. */
  public int recordCount() {
    return 1 + addenda.size();
  }

  public EntryDetail withAddenda(List<Addenda> newAddenda) {
    return new EntryDetail(transactionCode, rdfiRouting, accountNumber, amountCents, individualId,
        individualName, discretionaryData, traceNumber, newAddenda);
  }

  public EntryDetail withTraceNumber(String newTraceNumber) {
    return new EntryDetail(transactionCode, rdfiRouting, accountNumber, amountCents, individualId,
        individualName, discretionaryData, newTraceNumber, addenda);
  }
}
