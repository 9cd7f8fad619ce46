package dev.billpay.clearing.nacha;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the originator says about a batch: the company/batch header fields that do not depend on
 * where the batch lands in a file. Orders with the same company id, SEC code, effective date and
 * entry description share one batch (per file), so they must carry the same {@code CompanyBatch}:
 * the description is a batch header field, so entries described differently (a reinitiation's
 * "RETRY PYMT") travel in batches of their own.
 */
public record CompanyBatch(
    String companyName,
    String companyDiscretionaryData,
    String companyId,
    SecCode secCode,
    String entryDescription,
    String descriptiveDate,
    LocalDate effectiveEntryDate) {
  public CompanyBatch {
    Objects.requireNonNull(companyName, "companyName");
    Objects.requireNonNull(companyDiscretionaryData, "companyDiscretionaryData");
    Check.identifier(companyId, 10, "batch.companyId");
    Objects.requireNonNull(secCode, "secCode");
    Objects.requireNonNull(entryDescription, "entryDescription");
    Objects.requireNonNull(descriptiveDate, "descriptiveDate");
    Objects.requireNonNull(effectiveEntryDate, "effectiveEntryDate");
  }

  /** A WEB batch with entry description "BILLPAY" and no discretionary data or descriptive date. */
  public static CompanyBatch web(String companyName, String companyId, LocalDate effective) {
    return new CompanyBatch(companyName, "", companyId, SecCode.WEB, "BILLPAY", "", effective);
  }

  /** The grouping key: company id, SEC code, effective entry date and entry description. */
  record Key(String companyId, SecCode secCode, LocalDate effectiveEntryDate, String entryDescription) {}

  Key key() {
    return new Key(companyId, secCode, effectiveEntryDate, entryDescription);
  }

  BatchHeader header(ServiceClass serviceClass, String odfiId, int batchNumber) {
    return new BatchHeader(serviceClass, companyName, companyDiscretionaryData, companyId,
        secCode, entryDescription, descriptiveDate, effectiveEntryDate, "", '1', odfiId,
        batchNumber);
  }
}
