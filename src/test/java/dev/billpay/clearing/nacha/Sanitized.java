package dev.billpay.clearing.nacha;

import static dev.billpay.clearing.nacha.NachaText.sanitize;

import java.util.List;

/** The model with every free-text field as the writer writes it, trailing spaces dropped. */
final class Sanitized {
  private Sanitized() {}

  static NachaFile of(NachaFile file) {
    FileHeader h = file.header();
    FileHeader header = new FileHeader(h.immediateDestination(), h.immediateOrigin(),
        h.creationDate(), h.creationTime(), h.fileIdModifier(), text(h.destinationName()),
        text(h.originName()), text(h.referenceCode()));
    return new NachaFile(header, file.batches().stream().map(Sanitized::batch).toList());
  }

  private static Batch batch(Batch batch) {
    BatchHeader h = batch.header();
    BatchHeader header = new BatchHeader(h.serviceClass(), text(h.companyName()),
        text(h.companyDiscretionaryData()), h.companyId().stripTrailing(), h.secCode(),
        text(h.entryDescription()), text(h.descriptiveDate()), h.effectiveEntryDate(),
        h.settlementDate(), h.originatorStatusCode(), h.odfiId(), h.batchNumber());
    return new Batch(header, batch.entries().stream().map(Sanitized::entry).toList());
  }

  private static EntryDetail entry(EntryDetail e) {
    List<Addenda> addenda = e.addenda().stream().map(Sanitized::addenda).toList();
    return new EntryDetail(e.transactionCode(), e.rdfiRouting(), e.accountNumber().stripTrailing(),
        e.amountCents(), e.individualId().stripTrailing(), text(e.individualName()),
        text(e.discretionaryData()), e.traceNumber(), addenda);
  }

  private static Addenda addenda(Addenda addenda) {
    if (addenda instanceof Addenda.PaymentInfo info) {
      return new Addenda.PaymentInfo(text(info.information()));
    }
    if (addenda instanceof Addenda.Return ret) {
      return new Addenda.Return(ret.returnCode(), ret.originalTrace(), ret.dateOfDeath(),
          ret.originalRdfiId(), text(ret.information()));
    }
    Addenda.Correction c = (Addenda.Correction) addenda;
    return new Addenda.Correction(c.changeCode(), c.originalTrace(), c.originalRdfiId(),
        c.correctedData().stripTrailing());
  }

  private static String text(String value) {
    return sanitize(value).stripTrailing();
  }
}
