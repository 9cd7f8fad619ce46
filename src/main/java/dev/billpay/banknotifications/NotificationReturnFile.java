package dev.billpay.banknotifications;

import dev.billpay.clearing.nacha.Addenda;
import dev.billpay.clearing.nacha.Batch;
import dev.billpay.clearing.nacha.BatchHeader;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.FileHeader;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.clearing.nacha.SecCode;
import dev.billpay.clearing.nacha.ServiceClass;
import dev.billpay.clearing.nacha.TransactionCode;
import dev.billpay.config.GatewayConfig;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Turns a return or notification of change pushed by the bank into the one-entry NACHA return file the bank
 * would have sent for it, written and read back, so it is applied by exactly the code that applies return files.
 *
 * <p>The notification names the entry by its trace number, not by the whole file it came in, so the builder gets
 * a one-entry stand-in for our original: our file's parties from the clearing configuration, a checking debit
 * (what our payments are) of the notified amount, and as receiving bank our own bank (the trace number's first
 * eight digits), which is the bank that tells us. What the return applier reads (trace number, code, amount,
 * corrected data) is exactly what the bank sent.
 */
final class NotificationReturnFile {
  /** The stand-in's account number: the applier finds the payment by trace number, never by account. */
  private static final String ACCOUNT = "NOTIFIED";
  private final GatewayConfig.ClearingConfig ours;

  NotificationReturnFile(GatewayConfig.ClearingConfig ours) {
    this.ours = ours;
  }

  NachaReadResult.Accepted of(BankNotification.Return r, LocalDateTime receivedAt) {
    NachaFile built = new ReturnFileBuilder(original(r.originalTrace(), r.amountMinor(), r.originalEffectiveDate()))
        .returnEntry(r.originalTrace(), r.returnCode()).build(receivedAt, 'A');
    return read(r.addendaInformation().isEmpty() ? built : withInformation(built, r));
  }

  NachaReadResult.Accepted of(BankNotification.Change c, LocalDateTime receivedAt) {
    LocalDate effective = c.originalEffectiveDate() != null ? c.originalEffectiveDate() : receivedAt.toLocalDate();
    // a notification of change moves no money: the builder writes its entry with a zero amount whatever this is
    return read(new ReturnFileBuilder(original(c.originalTrace(), 0, effective))
        .notifyChange(c.originalTrace(), c.changeCode(), c.correctedData()).build(receivedAt, 'A'));
  }

  private NachaFile original(String trace, long amountMinor, LocalDate effective) {
    String ourBank = trace.substring(0, 8);
    EntryDetail entry = new EntryDetail(TransactionCode.CHECKING_DEBIT, ourBank + "0", ACCOUNT, amountMinor, "", "",
        "", trace, List.of());
    BatchHeader header = new BatchHeader(ServiceClass.DEBITS_ONLY, ours.companyName(), "", ours.companyId(),
        SecCode.parse(ours.secCode()).orElse(SecCode.WEB), ours.entryDescription(), "", effective, "", '1', ourBank,
        1);
    FileHeader file = new FileHeader(FileHeader.routingField(ours.immediateDestination()),
        FileHeader.routingField(ours.immediateDestination()), effective, null, 'A', ours.immediateDestinationName(),
        ours.immediateOriginName(), "");
    return new NachaFile(file, List.of(new Batch(header, List.of(entry))));
  }

  /** The builder leaves the addenda's information blank; the bank's text goes where a return file carries it. */
  private static NachaFile withInformation(NachaFile built, BankNotification.Return r) {
    Batch batch = built.batches().get(0);
    EntryDetail entry = batch.entries().get(0);
    Addenda.Return blank = (Addenda.Return) entry.addenda().get(0);
    EntryDetail informed = entry.withAddenda(List.of(new Addenda.Return(blank.returnCode(), blank.originalTrace(),
        blank.dateOfDeath(), blank.originalRdfiId(), r.addendaInformation())));
    return new NachaFile(built.header(), List.of(new Batch(batch.header(), List.of(informed))));
  }

  private static NachaReadResult.Accepted read(NachaFile file) {
    try {
      NachaReadResult read = NachaReader.read(new StringReader(NachaWriter.write(file)));
      // built from checked fields by the writer of our files: a rejection here is a bug, not bad input. An entry
      // the reader sets aside (an R14 without a date of death) becomes an exception, as in a file.
      if (!(read instanceof NachaReadResult.Accepted accepted)) {
        throw new IllegalStateException("a notification's return file does not read back: " + read.problems());
      }
      return accepted;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
