package dev.billpay.clearing.nacha;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The company/batch header record (type 5).
 *
 * @param serviceClass 200, 220 or 225; must allow every entry of the batch
 * @param companyName up to 16 characters after sanitizing
 * @param companyDiscretionaryData up to 20 characters, may be empty
 * @param companyId the 10-character company identification, written as given
 * @param secCode standard entry class code
 * @param entryDescription up to 10 characters shown on the receiver's statement, e.g. "BILLPAY"
 * @param descriptiveDate up to 6 characters of free text (e.g. "SEP 24"), may be empty
 * @param effectiveEntryDate the date the originator wants the entries to settle; {@code null} in a
 *     received return or COR batch that leaves it blank or zero, which the ACH Operator does not
 *     edit there (the writer requires it)
 * @param settlementDate three-digit Julian settlement day that the ACH operator inserts; empty in
 *     files we originate
 * @param originatorStatusCode '1' for an originator that is not a federal agency
 * @param odfiId the first 8 digits of the originating DFI's routing number; every trace number in
 *     the batch starts with it
 * @param batchNumber 1 to 9,999,999, ascending within the file
 */
public record BatchHeader(
    ServiceClass serviceClass,
    String companyName,
    String companyDiscretionaryData,
    String companyId,
    SecCode secCode,
    String entryDescription,
    String descriptiveDate,
    LocalDate effectiveEntryDate,
    String settlementDate,
    char originatorStatusCode,
    String odfiId,
    int batchNumber) {
  public static final int MAX_BATCH_NUMBER = 9_999_999;

  public BatchHeader {
    Objects.requireNonNull(serviceClass, "serviceClass");
    Objects.requireNonNull(companyName, "companyName");
    Objects.requireNonNull(companyDiscretionaryData, "companyDiscretionaryData");
    Check.identifier(companyId, 10, "batch.companyId");
    Objects.requireNonNull(secCode, "secCode");
    Objects.requireNonNull(entryDescription, "entryDescription");
    Objects.requireNonNull(descriptiveDate, "descriptiveDate");
    Objects.requireNonNull(settlementDate, "settlementDate");
    if (!settlementDate.isEmpty()) {
      Check.digits(settlementDate, 3, "batch.settlementDate");
    }
    if (originatorStatusCode < '0' || originatorStatusCode > '9') {
      throw new NachaFormatException("batch.originatorStatusCode", "must be a digit");
    }
    Check.digits(odfiId, 8, "batch.odfiId");
    Check.range(batchNumber, MAX_BATCH_NUMBER, "batch.batchNumber");
  }

  public BatchHeader withServiceClass(ServiceClass newServiceClass) {
    return new BatchHeader(newServiceClass, companyName, companyDiscretionaryData, companyId,
        secCode, entryDescription, descriptiveDate, effectiveEntryDate, settlementDate,
        originatorStatusCode, odfiId, batchNumber);
  }

  public BatchHeader withBatchNumber(int newBatchNumber) {
    return new BatchHeader(serviceClass, companyName, companyDiscretionaryData, companyId,
        secCode, entryDescription, descriptiveDate, effectiveEntryDate, settlementDate,
        originatorStatusCode, odfiId, newBatchNumber);
  }
}
