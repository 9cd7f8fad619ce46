package dev.billpay.clearing.nacha;

import java.util.List;
import java.util.Objects;

/**
 * One entry to originate, before the planner gives it a batch and a trace number.
 *
 * @param reference the caller's id for the entry (e.g. the payment id); not written to the file,
 *     but returned with the trace number the entry received
 * @param batch the batch the entry belongs to
 * @param discretionaryData for WEB the payment type code: "S" single, "R" recurring
 */
public record PaymentOrder(
    String reference,
    CompanyBatch batch,
    TransactionCode transactionCode,
    String rdfiRouting,
    String accountNumber,
    long amountCents,
    String individualId,
    String individualName,
    String discretionaryData) {
  public PaymentOrder {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(batch, "batch");
    // the entry checks every other field; building one here fails fast on bad input
    new EntryDetail(transactionCode, rdfiRouting, accountNumber, amountCents, individualId,
        individualName, discretionaryData, "000000000000000", List.of());
  }

  EntryDetail entry(String traceNumber) {
    return new EntryDetail(transactionCode, rdfiRouting, accountNumber, amountCents, individualId,
        individualName, discretionaryData, traceNumber, List.of());
  }
}
